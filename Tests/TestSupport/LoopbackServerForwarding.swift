import HTTP

extension LoopbackServer {
    /// Hop-by-hop fields, which describe one connection and are not passed on (RFC 9110, section 7.6.1).
    static let hopByHopFields: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
        "content-length", "expect",
    ]

    /// Sends `request` to `upstream` (a base URL such as `http://127.0.0.1:9000`) and turns the answer into
    /// a reply; a 502 with the error's description when the upstream cannot be reached.
    ///
    /// End-to-end headers, `Host` included, pass unchanged in both directions, so a signed request stays
    /// valid; hop-by-hop fields are dropped and `Content-Length` is recomputed.
    public static func forward(
        _ request: ReceivedRequest, to upstream: String, using transport: any HTTPTransport
    ) async -> Reply {
        let base = upstream.hasSuffix("/") ? String(upstream.dropLast()) : upstream
        let outgoing = HTTPRequest(
            method: request.method, url: base + request.target, headers: endToEnd(request.headers),
            body: request.body)
        do {
            let response = try await transport.send(outgoing)
            return .respond(status: response.status, headers: endToEnd(response.headers), body: response.body)
        } catch {
            return .text(502, "loopback proxy: \(error)\n")
        }
    }

    /// `headers` without hop-by-hop fields.
    private static func endToEnd(_ headers: HTTPHeaders) -> HTTPHeaders {
        HTTPHeaders(headers.filter { !hopByHopFields.contains($0.name.lowercased()) })
    }
}
