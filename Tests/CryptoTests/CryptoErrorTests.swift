import Testing

@testable import Crypto

@Suite struct CryptoErrorTests {
    /// Forces the one status-conversion function down its failure path without a real C failure.
    @Test func failedStatusBecomesErrorNamingTheOperation() {
        #expect(throws: CryptoError.openSSL(operation: "EVP_Test", reason: "no OpenSSL error was queued")) {
            try OpenSSLStatus.check(0, operation: "EVP_Test")
        }
    }

    @Test func successStatusDoesNotThrow() throws {
        try OpenSSLStatus.check(OpenSSLStatus.success, operation: "EVP_Test")
    }

    @Test func descriptionRendersOperationAndReason() {
        let error = CryptoError.openSSL(operation: "HMAC(SHA-256)", reason: "error:1C8C0100:malloc failure")
        #expect(error.description == "OpenSSL HMAC(SHA-256) failed: error:1C8C0100:malloc failure")
    }
}
