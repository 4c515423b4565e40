import HTTP
import TestSupport
import Testing

@Suite struct CurlTransportRoundTripTests {
    /// Every byte value, so any text decoding or truncation on the way would show.
    let binaryBody: [UInt8] = Array(0...255) + Array(0...255).reversed()

    @Test func getSendsExactlyTheCallersHeaders() async throws {
        let recorder = RequestRecorder()
        let server = try makeEchoServer(recorder)
        defer { server.stop() }
        let transport = try CurlTransport()

        let request = HTTPRequest(
            method: "GET", url: server.baseURL + "/bucket/key%20one?list-type=2&prefix=a%2Fb",
            headers: ["X-Amz-Date": "20240101T000000Z", "x-amz-content-sha256": "UNSIGNED-PAYLOAD"])
        let response = try await transport.send(request)

        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        let received = try #require(recorder.last)
        #expect(received.method == "GET")
        #expect(received.target == "/bucket/key%20one?list-type=2&prefix=a%2Fb")
        let names = received.headers.map { $0.name.lowercased() }
        #expect(names == ["host", "user-agent", "x-amz-date", "x-amz-content-sha256"])
        #expect(received.headers["Host"] == "127.0.0.1:\(server.port)")
        #expect(received.headers["X-Amz-Date"] == "20240101T000000Z")
    }

    @Test func postSendsTheBodyExactlyWithoutCurlsOwnHeaders() async throws {
        let recorder = RequestRecorder()
        let server = try makeEchoServer(recorder)
        defer { server.stop() }
        let transport = try CurlTransport()

        let request = HTTPRequest(method: "POST", url: server.baseURL + "/", body: binaryBody)
        let response = try await transport.send(request)

        #expect(response.status == 200)
        #expect(response.body == binaryBody)
        let received = try #require(recorder.last)
        #expect(received.body == binaryBody)
        #expect(received.headers["Content-Length"] == "\(binaryBody.count)")
        #expect(received.headers["Content-Type"] == nil)
        #expect(received.headers["Accept"] == nil)
        #expect(received.headers["Expect"] == nil)
    }

    @Test func largePostIsSentWithoutExpectContinue() async throws {
        let recorder = RequestRecorder()
        let server = try makeEchoServer(recorder)
        defer { server.stop() }
        let transport = try CurlTransport()
        // A pattern, not one repeated byte: the echoed reply, read 4 KB at a time, must come back whole
        // and in order.
        let body = (0..<(2 * 1024 * 1024)).map { UInt8($0 % 251) }

        let response = try await transport.send(HTTPRequest(method: "POST", url: server.baseURL + "/big", body: body))

        #expect(response.body == body)
        #expect(recorder.last?.headers["Expect"] == nil)
    }

    @Test func putKeepsTheCallersContentTypeAndSendsEmptyBodiesWithALength() async throws {
        let recorder = RequestRecorder()
        let server = try makeEchoServer(recorder)
        defer { server.stop() }
        let transport = try CurlTransport()

        let full = HTTPRequest(
            method: "PUT", url: server.baseURL + "/policy", headers: ["Content-Type": "application/json"],
            body: Array(#"{"Version":"2012-10-17"}"#.utf8))
        let fullResponse = try await transport.send(full)
        let empty = try await transport.send(HTTPRequest(method: "PUT", url: server.baseURL + "/empty"))

        #expect(fullResponse.headers["X-Echo-Method"] == "PUT")
        #expect(fullResponse.body == full.body)
        #expect(empty.status == 200)
        let received = recorder.all
        #expect(received.map(\.method) == ["PUT", "PUT"])
        #expect(received.first?.headers["Content-Type"] == "application/json")
        #expect(received.first?.bodyText == #"{"Version":"2012-10-17"}"#)
        #expect(received.last?.headers["Content-Length"] == "0")
    }

    @Test func headReturnsHeadersWithoutWaitingForABody() async throws {
        let server = try LoopbackServer { _ in
            .respond(status: 200, headers: ["ETag": "\"abc\""], body: Array("hello".utf8))
        }
        defer { server.stop() }
        // Waiting for the five bytes the headers announce would run into this timeout and throw.
        let transport = try CurlTransport(options: .init(requestTimeout: .seconds(30)))

        let clock = ContinuousClock()
        let start = clock.now
        let response = try await transport.send(HTTPRequest(method: "HEAD", url: server.baseURL + "/obj"))

        #expect(clock.now - start < .seconds(20))
        #expect(response.status == 200)
        #expect(response.headers["Content-Length"] == "5")
        #expect(response.headers["etag"] == "\"abc\"")
        #expect(response.body.isEmpty)
    }

    @Test func deleteRoundTripAndNonSuccessStatusIsAResponse() async throws {
        let recorder = RequestRecorder()
        let server = try LoopbackServer { request in
            recorder.record(request)
            return .respond(status: 204, headers: ["x-amz-request-id": "R1"])
        }
        defer { server.stop() }
        let transport = try CurlTransport()

        let response = try await transport.send(HTTPRequest(method: "DELETE", url: server.baseURL + "/b?policy"))

        #expect(response.status == 204)
        #expect(response.headers["X-Amz-Request-Id"] == "R1")
        #expect(recorder.last?.method == "DELETE")
        #expect(recorder.last?.target == "/b?policy")
        #expect(recorder.last?.headers["Content-Length"] == nil)
    }

    @Test func errorStatusesAndRedirectsAreReturnedNotFollowed() async throws {
        let server = try LoopbackServer { request in
            request.path == "/moved"
                ? .respond(status: 301, headers: ["Location": "/elsewhere"])
                : .text(403, "<Error><Code>AccessDenied</Code></Error>")
        }
        defer { server.stop() }
        let transport = try CurlTransport()

        let denied = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/secret"))
        let moved = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/moved"))

        #expect(denied.status == 403)
        #expect(String(decoding: denied.body, as: UTF8.self) == "<Error><Code>AccessDenied</Code></Error>")
        #expect(moved.status == 301)
        #expect(moved.headers["Location"] == "/elsewhere")
        #expect(server.receivedRequests == 2)
    }

    @Test func headerWithALineBreakIsRejectedBeforeSending() async throws {
        let server = try LoopbackServer { _ in .text(200, "") }
        defer { server.stop() }
        let transport = try CurlTransport()
        let request = HTTPRequest(
            method: "GET", url: server.baseURL + "/", headers: ["X-Injected": "a\r\nX-Evil: secret-value"])

        let error = try await #require(throws: HTTPError.self) { try await transport.send(request) }

        #expect(error.kind == .other)
        #expect(error.requestMayHaveReachedServer == false)
        #expect(!error.description.contains("secret-value"))
        #expect(server.receivedRequests == 0)
    }
}
