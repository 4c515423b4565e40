import HTTP
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A proxy for plain-HTTP URLs named in `http_proxy`, set once for the whole test process.
///
/// libcurl reads the proxy variables itself at each transfer, so this test has to set them in the
/// process environment. `NO_PROXY` is set first, to cover 127.0.0.1 and localhost, so other tests
/// (which only talk to loopback) are unaffected whenever they run. The proxy stays up for the life
/// of the process for the same reason.
private let environmentProxy: LoopbackServer? = {
    let proxy = try? LoopbackServer { request in
        .respond(status: 200, headers: ["X-Via-Proxy": "yes"], body: Array(request.target.utf8))
    }
    if let proxy {
        setenv("NO_PROXY", "127.0.0.1,localhost", 1)
        setenv("http_proxy", proxy.baseURL, 1)
    }
    return proxy
}()

@Suite struct CurlTransportProxyTests {
    @Test func noProxyKeepsLoopbackRequestsDirectWhileOtherHostsUseTheProxy() async throws {
        let proxy = try #require(environmentProxy)
        let server = try LoopbackServer { _ in .text(200, "direct") }
        defer { server.stop() }
        let transport = try CurlTransport()

        let direct = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/d"))
        let proxied = try await transport.send(HTTPRequest(method: "GET", url: "http://s3x-proxy-test.invalid/p"))

        #expect(String(decoding: direct.body, as: UTF8.self) == "direct")
        #expect(direct.headers["X-Via-Proxy"] == nil)
        #expect(proxied.headers["X-Via-Proxy"] == "yes")
        #expect(String(decoding: proxied.body, as: UTF8.self) == "http://s3x-proxy-test.invalid/p")
        #expect(proxy.receivedRequests >= 1)
    }
}
