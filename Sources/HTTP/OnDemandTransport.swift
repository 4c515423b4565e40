import Locking

/// An ``HTTPTransport`` made by the first request that needs it.
///
/// A shell session has one transport, but many runs never send a request (`help`, `echo`,
/// `explain`, `history`, a prompt left unused). Making a ``CurlTransport`` starts
/// libcurl, which has OpenSSL read its configuration and load its error strings: about 2.4 million
/// instructions and 1.7 MB of libcrypto's pages. Here that waits for the first `send`. When making
/// the transport fails, that `send` throws the error and the next one tries again.
public final class OnDemandTransport: HTTPTransport {
    /// Makes the transport.
    private let make: @Sendable () throws -> any HTTPTransport
    /// The transport once made.
    private let made = Locked<(any HTTPTransport)?>(nil)

    /// Creates a transport that calls `make` at the first `send`, and only then.
    public init(_ make: @escaping @Sendable () throws -> any HTTPTransport) {
        self.make = make
    }

    /// Whether the transport has been made; for tests.
    public var isMade: Bool {
        made.withLock { $0 != nil }
    }

    /// Sends `request` on the transport, making it first if this is the first request.
    ///
    /// - Throws: what making the transport threw, or what its `send` throws.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let transport = try made.withLock { made in
            if let made {
                return made
            }
            let transport = try make()
            made = transport
            return transport
        }
        return try await transport.send(request)
    }
}
