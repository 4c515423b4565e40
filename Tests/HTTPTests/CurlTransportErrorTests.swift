import HTTP
import TestSupport
import Testing

@Suite struct CurlTransportErrorTests {
    @Test func closedPortIsCouldNotConnectAndNothingWasSent() async throws {
        let closed = try LoopbackServer { _ in .text(200, "") }
        let url = closed.baseURL + "/bucket?X-Amz-Signature=feedface"
        closed.stop()
        let transport = try CurlTransport()

        let error = try await #require(throws: HTTPError.self) {
            try await transport.send(HTTPRequest(method: "PUT", url: url, body: [1, 2, 3]))
        }

        #expect(error.kind == .couldNotConnect)
        #expect(error.requestMayHaveReachedServer == false)
        #expect(error.operation == "curl_easy_perform")
        #expect(error.target == "PUT http://127.0.0.1:\(closed.port)")
        #expect(error.message.hasPrefix("Couldn't connect to server"))
        #expect(
            error.description.hasPrefix("PUT http://127.0.0.1:\(closed.port): could not connect (curl_easy_perform:"))
        #expect(!error.description.contains("feedface"))
    }

    @Test func replyDelayedPastTheTimeoutIsTimedOut() async throws {
        // The reply would take a minute; only the 300 ms timeout can end the request sooner.
        let server = try LoopbackServer { _ in .respond(status: 200, delay: .seconds(60)) }
        defer { server.stop() }
        let transport = try CurlTransport(options: .init(requestTimeout: .milliseconds(300)))

        let clock = ContinuousClock()
        let start = clock.now
        let error = try await #require(throws: HTTPError.self) {
            try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/slow"))
        }

        #expect(error.kind == .timedOut)
        #expect(error.requestMayHaveReachedServer)
        // Loose on purpose: sanitizer builds on a loaded machine are slow, a minute is far.
        #expect(clock.now - start < .seconds(20))
    }

    @Test func droppedConnectionIsAReceiveFailure() async throws {
        let server = try LoopbackServer { _ in .closeConnection }
        defer { server.stop() }
        let transport = try CurlTransport()

        let error = try await #require(throws: HTTPError.self) {
            try await transport.send(HTTPRequest(method: "POST", url: server.baseURL + "/", body: [42]))
        }

        #expect(error.kind == .receiveFailed)
        #expect(error.requestMayHaveReachedServer)
        #expect(server.receivedRequests >= 1)
    }

    @Test func unreadableCABundleIsATLSError() async throws {
        let server = try LoopbackServer { _ in .text(200, "") }
        defer { server.stop() }
        let transport = try CurlTransport(options: .init(caBundlePath: "/nonexistent/s3x-test-ca.pem"))

        let error = try await #require(throws: HTTPError.self) {
            try await transport.send(HTTPRequest(method: "GET", url: "https://127.0.0.1:\(server.port)/"))
        }

        #expect(error.kind == .tls)
        #expect(error.requestMayHaveReachedServer == false)
        #expect(error.message.contains("CA cert"))
        #expect(server.receivedRequests == 0)
    }

    @Test func unsupportedSchemeIsRejected() async throws {
        let transport = try CurlTransport()

        let error = try await #require(throws: HTTPError.self) {
            try await transport.send(HTTPRequest(method: "GET", url: "file:///etc/passwd"))
        }

        #expect(error.kind == .other)
        #expect(error.requestMayHaveReachedServer == false)
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let server = try LoopbackServer { _ in .respond(status: 200, delay: .seconds(60)) }
        defer { server.stop() }
        let transport = try CurlTransport()

        let clock = ContinuousClock()
        let start = clock.now
        let task = Task { try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/wait")) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()

        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.now - start < .seconds(20), "the reply would have taken a minute")
    }
}
