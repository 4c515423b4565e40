/// A failure to get a complete HTTP response: the request could not be sent, or the reply
/// could not be read.
///
/// An HTTP status such as 403 or 503 is not an `HTTPError`; it arrives as an ``HTTPResponse``.
/// Nothing here ever holds request headers, a query string or a body, since those may carry
/// signatures and tokens.
public struct HTTPError: Error, Sendable, Equatable {
    /// What went wrong, coarsely, so callers can decide whether to retry.
    public enum Kind: Sendable, Equatable {
        /// The host name could not be resolved.
        case couldNotResolve
        /// No connection could be made (refused, unreachable).
        case couldNotConnect
        /// The connect or total time limit passed.
        case timedOut
        /// Sending the request failed part way.
        case sendFailed
        /// Receiving the response failed, or the server closed the connection without replying.
        case receiveFailed
        /// The TLS handshake, certificate verification or CA bundle failed.
        case tls
        /// The server's reply was not valid HTTP.
        case malformedResponse
        /// Anything else, such as a rejected URL or option.
        case other
    }

    /// What went wrong.
    public var kind: Kind
    /// The library call that failed, such as `curl_easy_perform`.
    public var operation: String
    /// The library's own explanation (for curl: `curl_easy_strerror` and the error buffer).
    public var message: String
    /// Whether the server may have received the request; `false` only when it is known that
    /// nothing was sent, which makes a retry of a non-idempotent request safe.
    public var requestMayHaveReachedServer: Bool
    /// The method and origin of the request (`GET https://host:443`), never its path or query.
    public var target: String

    /// Creates an error.
    public init(
        kind: Kind, operation: String, message: String, requestMayHaveReachedServer: Bool, target: String = ""
    ) {
        self.kind = kind
        self.operation = operation
        self.message = message
        self.requestMayHaveReachedServer = requestMayHaveReachedServer
        self.target = target
    }
}

extension HTTPError: CustomStringConvertible {
    /// One line for a terminal: the request, what went wrong, and the library's explanation.
    public var description: String {
        let prefix = target.isEmpty ? "HTTP request" : target
        return "\(prefix): \(kind.summary) (\(operation): \(message))"
    }
}

extension HTTPError.Kind {
    /// A short phrase for messages.
    var summary: String {
        switch self {
        case .couldNotResolve: "could not resolve host"
        case .couldNotConnect: "could not connect"
        case .timedOut: "timed out"
        case .sendFailed: "sending the request failed"
        case .receiveFailed: "receiving the response failed"
        case .tls: "TLS failed"
        case .malformedResponse: "malformed response"
        case .other: "request failed"
        }
    }
}
