import HTTP

extension LoopbackServer {
    /// One request as the loopback server read it off the wire.
    public struct ReceivedRequest: Sendable {
        /// The method, such as `GET`.
        public var method: String
        /// The request target exactly as sent: path and query, still percent-encoded.
        public var target: String
        /// The header fields in the order received.
        public var headers: HTTPHeaders
        /// The body bytes (read by `Content-Length`).
        public var body: [UInt8]
        /// Which accepted connection carried the request, counting from 1.
        public var connection: Int

        /// Creates a request.
        public init(method: String, target: String, headers: HTTPHeaders, body: [UInt8], connection: Int) {
            self.method = method
            self.target = target
            self.headers = headers
            self.body = body
            self.connection = connection
        }

        /// The path part of `target`, without the query.
        public var path: String {
            String(target.prefix { $0 != "?" })
        }

        /// The body decoded as UTF-8.
        public var bodyText: String {
            String(decoding: body, as: UTF8.self)
        }
    }
}
