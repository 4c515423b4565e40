internal import CCrypto

/// libcrypto's one start for the whole process, made before anything uses it: s3x's digests and
/// MACs here, and libcurl's TLS (through libssl) in the HTTP module.
///
/// OpenSSL 3 finds every algorithm through its providers. Started the default way, it also fills
/// OpenSSL 1.1's tables of every cipher and digest under every alias, for the deprecated lookups by
/// name (`EVP_get_cipherbyname`, `EVP_get_digestbyname`): 3.3 million instructions, about a
/// millisecond of every run that signs or sends a request. Neither s3x nor libcurl's TLS looks
/// anything up that way (the TLS tests in HTTPTests shake hands with RSA and ECDSA certificates,
/// TLS 1.2 and 1.3), so those tables stay empty. The configuration file is read as usual.
public enum OpenSSLLibrary {
    /// Whether libcrypto started; a failure shows again in the first digest or request.
    private static let started: Bool =
        OPENSSL_init_crypto(UInt64(OPENSSL_INIT_NO_ADD_ALL_CIPHERS | OPENSSL_INIT_NO_ADD_ALL_DIGESTS), nil) == 1

    /// Starts libcrypto on the first call; later calls return at once. Every module that uses
    /// libcrypto, directly or through another library, calls this first.
    @discardableResult
    public static func start() -> Bool { started }
}
