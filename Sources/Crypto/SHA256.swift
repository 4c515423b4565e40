internal import CCrypto
public import Foundation

/// SHA-256 digests computed by libcrypto's EVP interface, with the algorithm fetched once
/// (``FetchedAlgorithms``).
public enum SHA256 {
    /// The length of a SHA-256 digest in bytes.
    public static let digestByteCount = 32

    /// Returns the 32-byte SHA-256 digest of `data`.
    /// - Throws: ``CryptoError`` when libcrypto reports a failure.
    public static func hash<D: ContiguousBytes>(_ data: D) throws(CryptoError) -> [UInt8] {
        guard let algorithm = FetchedAlgorithms.shared.sha256 else {
            throw CryptoError.openSSL(operation: "EVP_MD_fetch(SHA256)", reason: "libcrypto has no SHA-256")
        }
        var digest = [UInt8](repeating: 0, count: digestByteCount)
        let status = data.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, nil, algorithm, nil)
            }
        }
        try OpenSSLStatus.check(status, operation: "EVP_Digest(SHA-256)")
        return digest
    }

    /// Returns the SHA-256 digest of `data` as 64 lowercase hexadecimal digits.
    /// - Throws: ``CryptoError`` when libcrypto reports a failure.
    public static func hexHash<D: ContiguousBytes>(_ data: D) throws(CryptoError) -> String {
        Hex.encode(try hash(data))
    }
}
