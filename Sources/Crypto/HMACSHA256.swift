internal import CCrypto
public import Foundation

/// HMAC with SHA-256 (RFC 2104, RFC 4231) computed by libcrypto.
public enum HMACSHA256 {
    /// The length of an HMAC-SHA256 tag in bytes.
    public static let tagByteCount = 32

    /// Returns the 32-byte HMAC-SHA256 tag of `message` under `key`.
    ///
    /// Keys of any length are accepted; keys longer than the 64-byte block are hashed first, as
    /// RFC 2104 requires.
    /// - Throws: ``CryptoError`` when the key is too long for libcrypto or libcrypto fails.
    public static func authenticate<M: ContiguousBytes, K: ContiguousBytes>(
        _ message: M, key: K
    ) throws(CryptoError) -> [UInt8] {
        let keyBytes = key.withUnsafeBytes { Array($0) }
        guard let keyLength = Int32(exactly: keyBytes.count) else {
            throw CryptoError.inputTooLarge(operation: "HMAC", byteCount: keyBytes.count)
        }
        // A zero-length key still gets a valid pointer; some libcrypto versions reject a NULL key.
        let keyStorage = keyBytes.isEmpty ? [0] : keyBytes
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        let status = message.withUnsafeBytes { input in
            keyStorage.withUnsafeBufferPointer { keyPointer in
                tag.withUnsafeMutableBufferPointer { output in
                    let result = HMAC(
                        EVP_sha256(), keyPointer.baseAddress, keyLength,
                        input.bindMemory(to: UInt8.self).baseAddress, input.count, output.baseAddress, nil)
                    return result == nil ? 0 : OpenSSLStatus.success
                }
            }
        }
        try OpenSSLStatus.check(status, operation: "HMAC(SHA-256)")
        return tag
    }
}
