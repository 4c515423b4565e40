import HTTP
import TestSupport
import Testing

@Suite struct LoopbackServerTests {
    @Test func baseURLNamesTheEphemeralLoopbackPort() throws {
        let server = try LoopbackServer { _ in .text(200, "") }
        defer { server.stop() }

        #expect(server.port > 0)
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
        #expect(server.acceptedConnections == 0)
    }

    @Test func forwardRelaysRequestAndResponseThroughAnUpstream() async throws {
        let recorder = RequestRecorder()
        let upstream = try makeEchoServer(recorder)
        defer { upstream.stop() }
        let proxy = try LoopbackServer { _ in .forward(to: upstream.baseURL) }
        defer { proxy.stop() }
        let transport = try CurlTransport()

        let request = HTTPRequest(
            method: "PUT", url: proxy.baseURL + "/b/k?acl", headers: ["Authorization": "AWS4 sig", "Host": "s3.test"],
            body: Array("payload".utf8))
        let response = try await transport.send(request)

        #expect(response.status == 200)
        #expect(response.body == Array("payload".utf8))
        #expect(response.headers["X-Echo-Target"] == "/b/k?acl")
        let received = try #require(recorder.last)
        #expect(received.headers["Host"] == "s3.test")
        #expect(received.headers["Authorization"] == "AWS4 sig")
        #expect(received.headers["Content-Length"] == "7")
    }

    @Test func forwardToAnUnreachableUpstreamAnswers502() async throws {
        let gone = try LoopbackServer { _ in .text(200, "") }
        gone.stop()
        let proxy = try LoopbackServer { _ in .forward(to: gone.baseURL) }
        defer { proxy.stop() }
        let transport = try CurlTransport()

        let response = try await transport.send(HTTPRequest(method: "GET", url: proxy.baseURL + "/"))

        #expect(response.status == 502)
        #expect(String(decoding: response.body, as: UTF8.self).contains("could not connect"))
    }

    @Test func stopEndsADelayedReplyPromptly() async throws {
        let server = try LoopbackServer { _ in .respond(status: 200, delay: .seconds(30)) }
        let transport = try CurlTransport()
        let task = Task { try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/")) }
        while server.receivedRequests == 0 {
            try await Task.sleep(for: .milliseconds(10))
        }

        let clock = ContinuousClock()
        let start = clock.now
        server.stop()

        #expect(clock.now - start < .seconds(15), "the reply would have taken 30 s")
        let error = await #expect(throws: HTTPError.self) { try await task.value }
        #expect(error?.kind == .receiveFailed)
    }
}
