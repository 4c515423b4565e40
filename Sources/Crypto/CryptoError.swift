/// A failure reported by libcrypto, carrying the failed operation and OpenSSL's own explanation.
public enum CryptoError: Error, Equatable, Sendable {
    /// An OpenSSL call returned a failure status.
    ///
    /// `operation` names the C function that failed; `reason` is the text drained from the OpenSSL
    /// error queue, or a note that the queue was empty.
    case openSSL(operation: String, reason: String)
}

extension CryptoError: CustomStringConvertible {
    /// A one-line message for a terminal; it never contains the hashed or keyed bytes.
    public var description: String {
        switch self {
        case .openSSL(let operation, let reason):
            return "OpenSSL \(operation) failed: \(reason)"
        }
    }
}
