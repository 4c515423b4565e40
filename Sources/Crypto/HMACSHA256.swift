internal import CCrypto
public import Foundation

/// HMAC with SHA-256 (RFC 2104, RFC 4231) computed by libcrypto's EVP_MAC interface, from a
/// context set up once (``FetchedAlgorithms``).
public enum HMACSHA256 {
    /// The length of an HMAC-SHA256 tag in bytes.
    public static let tagByteCount = 32

    /// Returns the 32-byte HMAC-SHA256 tag of `message` under `key`.
    ///
    /// Keys of any length are accepted; keys longer than the 64-byte block are hashed first, as
    /// RFC 2104 requires.
    /// - Throws: ``CryptoError`` when libcrypto fails.
    public static func authenticate<M: ContiguousBytes, K: ContiguousBytes>(
        _ message: M, key: K
    ) throws(CryptoError) -> [UInt8] {
        guard let template = FetchedAlgorithms.shared.hmacSHA256 else {
            throw CryptoError.openSSL(operation: "EVP_MAC_fetch(HMAC)", reason: "libcrypto has no HMAC-SHA256")
        }
        guard let context = EVP_MAC_CTX_dup(template) else { throw OpenSSLStatus.failure(of: "EVP_MAC_CTX_dup(HMAC)") }
        defer { EVP_MAC_CTX_free(context) }
        let keyBytes = key.withUnsafeBytes { Array($0) }
        // A zero-length key still gets a valid pointer: a NULL key would mean "keep the current key",
        // and the template has none.
        let keyStorage = keyBytes.isEmpty ? [0] : keyBytes
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        var length = 0
        let status = message.withUnsafeBytes { input in
            keyStorage.withUnsafeBufferPointer { keyPointer in
                tag.withUnsafeMutableBufferPointer { output in
                    guard EVP_MAC_init(context, keyPointer.baseAddress, keyBytes.count, nil) == OpenSSLStatus.success,
                        EVP_MAC_update(context, input.bindMemory(to: UInt8.self).baseAddress, input.count)
                            == OpenSSLStatus.success
                    else { return Int32(0) }
                    return EVP_MAC_final(context, output.baseAddress, &length, tagByteCount)
                }
            }
        }
        try OpenSSLStatus.check(status, operation: "HMAC(SHA-256)")
        return tag
    }
}
