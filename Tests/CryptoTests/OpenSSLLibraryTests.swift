import CCrypto
import Crypto
import Testing

/// libcrypto as s3x starts it: digests work, and OpenSSL 1.1's name tables are never filled.
@Suite struct OpenSSLLibraryTests {
    @Test func digestsWorkWhileTheLegacyNameTablesStayEmpty() throws {
        // The first digest starts libcrypto, unless an earlier test or request already did.
        #expect(
            try SHA256.hexHash(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")

        // Lookups through those tables find nothing, even for names every provider knows; had the
        // default start run, they would find both.
        #expect(EVP_get_digestbyname("SHA256") == nil)
        #expect(EVP_get_cipherbyname("AES-128-GCM") == nil)
        #expect(OpenSSLLibrary.start())
    }
}
