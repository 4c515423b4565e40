/// One HTTP request, exactly as it should go on the wire.
///
/// The transport adds nothing of its own: the caller's headers are the headers sent, apart from
/// `Host` and `Content-Length`, which are derived from `url` and `body` unless the caller sets them.
public struct HTTPRequest: Sendable {
    /// The method, such as `GET` or `PUT`.
    public var method: String
    /// The absolute URL, already percent-encoded; the transport sends it unchanged.
    public var url: String
    /// The header fields to send, in order.
    public var headers: HTTPHeaders
    /// The body bytes to send; empty for none.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, url: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

extension HTTPRequest: CustomStringConvertible {
    /// The method and the URL without its query, which may hold a presigned signature.
    public var description: String {
        "\(method) \(URLParts.withoutQuery(url))"
    }
}
