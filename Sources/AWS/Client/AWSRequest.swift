import SigV4

/// A service request before signing: operation name, method, raw path and query, headers, body.
public struct AWSRequest: Sendable {
    /// The API operation, e.g. `CreateBucket` (for messages, traces and counting).
    public var operation: String
    /// Whether the operation changes state.
    public var isMutating: Bool
    /// The HTTP method.
    public var method: String
    /// The path, not percent-encoded, starting with `/`.
    public var path: String
    /// Query items, not encoded.
    public var query: [QueryItem]
    /// Headers other than `Host` and the signing headers.
    public var headers: [Header]
    /// The body bytes.
    public var body: [UInt8]
    /// Whether the request is SigV4-signed; false for operations that authenticate otherwise
    /// (IAM Identity Center's portal takes a bearer token header instead).
    public var isSigned: Bool

    /// Creates a request.
    public init(
        operation: String, isMutating: Bool, method: String = "POST", path: String = "/", query: [QueryItem] = [],
        headers: [Header] = [], body: [UInt8] = [], isSigned: Bool = true
    ) {
        self.operation = operation
        self.isMutating = isMutating
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.isSigned = isSigned
    }
}
