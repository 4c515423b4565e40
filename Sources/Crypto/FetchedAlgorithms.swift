internal import CCrypto

/// libcrypto's SHA-256, SHA-1 and HMAC-SHA256 implementations, fetched from its provider once.
///
/// OpenSSL 3 looks an algorithm up by name (locks, a property query, the method store) whenever
/// it is given the legacy `EVP_sha256()` handle: about 24,000 instructions per digest, ten times
/// the digest of a signed request's canonical form. An explicitly fetched handle skips that lookup;
/// the HMAC context is set to SHA-256 once and duplicated for each tag, so no call names an
/// algorithm again.
///
/// `@unchecked Sendable`: the handles are created once and only read afterwards; libcrypto allows
/// fetched algorithms to be used, and a context to be duplicated, from many threads at once.
final class FetchedAlgorithms: @unchecked Sendable {
    /// The process's algorithms; nil members mean libcrypto has no provider for them.
    static let shared = FetchedAlgorithms()

    let sha256: OpaquePointer?
    let sha1: OpaquePointer?
    /// An HMAC context set to SHA-256 and holding no key: the template of every tag.
    let hmacSHA256: OpaquePointer?

    private init() {
        OpenSSLLibrary.start()
        sha256 = EVP_MD_fetch(nil, "SHA256", nil)
        sha1 = EVP_MD_fetch(nil, "SHA1", nil)
        hmacSHA256 = Self.hmacTemplate()
    }

    private static func hmacTemplate() -> OpaquePointer? {
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { return nil }
        defer { EVP_MAC_free(mac) }
        guard let context = EVP_MAC_CTX_new(mac) else { return nil }
        let status = "digest".withCString { key in
            "SHA256".withCString { value in
                var parameters = [
                    OSSL_PARAM_construct_utf8_string(key, UnsafeMutablePointer(mutating: value), 0),
                    OSSL_PARAM_construct_end(),
                ]
                return EVP_MAC_CTX_set_params(context, &parameters)
            }
        }
        guard status == OpenSSLStatus.success else {
            EVP_MAC_CTX_free(context)
            return nil
        }
        return context
    }
}
