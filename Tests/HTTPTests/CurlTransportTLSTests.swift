import HTTP
import Testing

/// TLS as real AWS endpoints need it, through libcurl and libcrypto started the way s3x starts
/// them (`OpenSSLLibrary`, which leaves OpenSSL's legacy name tables empty): handshakes with
/// `openssl s_server` on loopback, each verifying the server's certificate.
@Suite struct CurlTransportTLSTests {
    @Test(arguments: TLSServer.Key.allCases, TLSServer.Version.allCases)
    func handshakeVerifiesTheServerCertificate(key: TLSServer.Key, version: TLSServer.Version) async throws {
        let server = try await TLSServer(key: key, version: version)
        defer { server.stop() }
        let transport = try CurlTransport(options: .init(caBundlePath: server.certificatePath))

        let response = try await transport.send(HTTPRequest(method: "GET", url: "https://127.0.0.1:\(server.port)/"))

        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("s_server"))
    }

    @Test func certificateNoBundleTrustsIsRefusedBeforeAnythingIsSent() async throws {
        let server = try await TLSServer(key: .rsa, version: .tls13)
        defer { server.stop() }
        let stranger = try await TLSServer(key: .rsa, version: .tls13)
        defer { stranger.stop() }
        let transport = try CurlTransport(options: .init(caBundlePath: stranger.certificatePath))

        let error = try await #require(throws: HTTPError.self) {
            try await transport.send(HTTPRequest(method: "GET", url: "https://127.0.0.1:\(server.port)/"))
        }

        #expect(error.kind == .tls)
        #expect(error.requestMayHaveReachedServer == false)
    }
}
