import Crypto

/// Why a request could not be signed; no case ever carries a secret.
public enum SigningError: Error, Equatable, Sendable {
    /// The credentials have an empty access key ID or secret access key.
    case incompleteCredentials(missing: String)
    /// A header name is empty or holds characters HTTP does not allow in a field name.
    case invalidHeaderName(String)
    /// The request carries its own `Host` header, which would conflict with ``SignableRequest/host``.
    case hostHeaderInHeaders
    /// A presigned URL's lifetime is outside the 1 to 604,800 seconds (7 days) SigV4 accepts.
    case expiresOutOfRange(seconds: Int)
    /// Hashing or HMAC failed in libcrypto.
    case crypto(CryptoError)
}

extension SigningError: CustomStringConvertible {
    /// A one-line message for a terminal.
    public var description: String {
        switch self {
        case .incompleteCredentials(let missing):
            return "cannot sign: the credentials have an empty \(missing)"
        case .invalidHeaderName(let name):
            return "cannot sign: \"\(name)\" is not a valid HTTP header name"
        case .hostHeaderInHeaders:
            return "cannot sign: pass the Host header as the request's host, not among its headers"
        case .expiresOutOfRange(let seconds):
            return "cannot presign: expiry of \(seconds) seconds is outside 1...604800 (7 days)"
        case .crypto(let error):
            return "cannot sign: \(error)"
        }
    }
}
