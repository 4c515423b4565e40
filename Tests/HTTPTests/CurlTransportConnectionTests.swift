import HTTP
import TestSupport
import Testing

@Suite struct CurlTransportConnectionTests {
    @Test func sequentialRequestsReuseOneConnection() async throws {
        let recorder = RequestRecorder()
        let server = try makeEchoServer(recorder)
        defer { server.stop() }
        let transport = try CurlTransport()

        for index in 0..<20 {
            let body = Array("request \(index)".utf8)
            let response = try await transport.send(HTTPRequest(method: "PUT", url: server.baseURL + "/k", body: body))
            #expect(response.body == body)
        }

        #expect(server.receivedRequests == 20)
        #expect(server.acceptedConnections == 1)
        #expect(Set(recorder.all.map(\.connection)) == [1])
    }

    @Test func fiftyConcurrentSendsAllGetTheirOwnAnswer() async throws {
        let server = try LoopbackServer { request in
            .respond(status: 200, body: request.body + Array(request.target.utf8))
        }
        defer { server.stop() }
        let transport = try CurlTransport(options: .init(maxIdleConnections: 4))

        let mismatches = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<50 {
                group.addTask {
                    let body = Array("body-\(index)|".utf8)
                    let request = HTTPRequest(method: "POST", url: server.baseURL + "/n/\(index)", body: body)
                    let response = try await transport.send(request)
                    return response.status == 200 && response.body == body + Array("/n/\(index)".utf8)
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 0 : 1) }
        }

        #expect(mismatches == 0)
        #expect(server.receivedRequests == 50)
        #expect(server.acceptedConnections <= 50)
    }

    @Test func idleConnectionsAreReusedAfterAConcurrentBurst() async throws {
        let server = try LoopbackServer { _ in .text(200, "ok") }
        defer { server.stop() }
        let transport = try CurlTransport(options: .init(maxIdleConnections: 3))

        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask { _ = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/")) }
            }
            try await group.waitForAll()
        }
        let afterBurst = server.acceptedConnections
        for _ in 0..<10 {
            _ = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/"))
        }

        #expect(server.acceptedConnections == afterBurst)
        #expect(server.receivedRequests == 16)
    }
}
