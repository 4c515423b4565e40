internal import CCrypto
public import Foundation

/// SHA-1 digests computed by libcrypto's EVP interface.
///
/// Not for security: the AWS CLI names its IAM Identity Center token cache files after the
/// SHA-1 of the session name or start URL, and s3x must find those files.
public enum SHA1 {
    /// The length of a SHA-1 digest in bytes.
    public static let digestByteCount = 20

    /// Returns the 20-byte SHA-1 digest of `data`.
    /// - Throws: ``CryptoError`` when libcrypto reports a failure.
    public static func hash<D: ContiguousBytes>(_ data: D) throws(CryptoError) -> [UInt8] {
        guard let algorithm = FetchedAlgorithms.shared.sha1 else {
            throw CryptoError.openSSL(operation: "EVP_MD_fetch(SHA1)", reason: "libcrypto has no SHA-1")
        }
        var digest = [UInt8](repeating: 0, count: digestByteCount)
        let status = data.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, nil, algorithm, nil)
            }
        }
        try OpenSSLStatus.check(status, operation: "EVP_Digest(SHA-1)")
        return digest
    }

    /// Returns the SHA-1 digest of `data` as 40 lowercase hexadecimal digits.
    /// - Throws: ``CryptoError`` when libcrypto reports a failure.
    public static func hexHash<D: ContiguousBytes>(_ data: D) throws(CryptoError) -> String {
        Hex.encode(try hash(data))
    }
}
