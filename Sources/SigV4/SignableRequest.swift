/// The parts of an HTTP request that SigV4 signs, independent of any HTTP client.
public struct SignableRequest: Sendable, Equatable {
    /// The HTTP method, e.g. `GET`; used verbatim.
    public var method: String
    /// The value of the `Host` header, with a port when it is not the scheme's default,
    /// e.g. `127.0.0.1:5000`.
    public var host: String
    /// The path, raw (not percent-encoded), e.g. `/my bucket/key`; ``SigV4Signer/encodePath(_:)``
    /// gives its wire form.
    public var path: String
    /// The query parameters, raw, in the order they will be sent.
    public var query: [QueryItem]
    /// The header fields to send and sign, without `Host` (the signer adds it from ``host``).
    public var headers: [Header]
    /// The body bytes, hashed for the payload hash when the signer signs the payload.
    public var body: [UInt8]

    /// Creates a request; everything but the method and host has an empty default.
    public init(
        method: String, host: String, path: String = "/", query: [QueryItem] = [], headers: [Header] = [],
        body: [UInt8] = []
    ) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The values of every header named `name` (case-insensitively), in order.
    public func headerValues(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }
}

extension SignableRequest: CustomStringConvertible {
    /// A request line and headers for diagnostics; secret header and query values are redacted.
    public var description: String {
        let target =
            SigV4Signer.encodePath(path) + (query.isEmpty ? "" : "?" + query.map(\.description).joined(separator: "&"))
        let lines = ["\(method) \(target)", "Host: \(host)"] + headers.map(\.description)
        return lines.joined(separator: "\n") + "\n(\(body.count) body bytes)"
    }
}
