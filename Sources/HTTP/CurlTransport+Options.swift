extension CurlTransport {
    /// Settings for a ``CurlTransport``.
    public struct Options: Sendable {
        /// The longest wait for a connection (TCP and TLS) to be established.
        public var connectTimeout: Duration
        /// The longest a whole request may take, connection included.
        public var requestTimeout: Duration
        /// A PEM file of CA certificates to trust instead of the system's, or `nil` for the system's.
        public var caBundlePath: String?
        /// The most connections kept open for reuse once their requests have finished (libcurl's
        /// `CURLMOPT_MAXCONNECTS`; beyond it the longest-idle one is closed), and the most idle easy
        /// handles kept; 0 closes every connection when its request ends. It does not limit how many
        /// requests are in flight at once.
        public var maxIdleConnections: Int
        /// The most requests on the wire at once; later ones wait, in the order they were sent, for
        /// one to finish (at least 1). Each holds a socket and libcurl's state for it, so this bounds
        /// the descriptors and memory a fan-out over many accounts takes, whatever its width; the
        /// wait does not count towards ``requestTimeout``.
        public var maxConcurrentRequests: Int
        /// The `User-Agent` sent when the request has none.
        public var userAgent: String

        /// Creates settings; the CA bundle defaults to the `AWS_CA_BUNDLE` environment variable, as the
        /// AWS CLI does.
        public init(
            connectTimeout: Duration = .seconds(10),
            requestTimeout: Duration = .seconds(60),
            caBundlePath: String? = Options.caBundleFromEnvironment(),
            maxIdleConnections: Int = 8,
            maxConcurrentRequests: Int = 128,
            userAgent: String = "s3x/0.1"
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.caBundlePath = caBundlePath
            self.maxIdleConnections = maxIdleConnections
            self.maxConcurrentRequests = maxConcurrentRequests
            self.userAgent = userAgent
        }

        /// The value of `AWS_CA_BUNDLE`, or `nil` when it is unset or empty.
        public static func caBundleFromEnvironment() -> String? {
            CurlGlobal.environment("AWS_CA_BUNDLE")
        }
    }
}
