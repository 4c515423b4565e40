import Foundation
import SigV4
import Testing

/// Runs every case of AWS's SigV4 test suite (awslabs/aws-c-auth tests/aws-signing-test-suite/v4)
/// in both its header-signing and query-signing (presigned) variants.
@Suite(
    .enabled(
        if: AWSTestSuite.isAvailable, "AWS SigV4 vectors not found at ../shared/testdata/aws-signing-test-suite/v4"))
struct AWSTestSuiteTests {
    @Test func suiteHasAllCases() {
        #expect(AWSTestSuite.caseNames.count == 38)
    }

    @Test("Authorization-header signing", arguments: AWSTestSuite.caseNames)
    func headerSigning(_ caseName: String) throws {
        let context = try SuiteContext.load(caseName)
        let request = try SuiteHTTPRequest(parsing: AWSTestSuite.text(caseName, "request.txt"))
        let signer = SigV4Signer(service: context.service, region: context.region, options: context.options)
        let trace = try signer.trace(
            request.signable, credentials: context.signingCredentials, date: context.date, mode: .header)

        #expect(trace.canonicalRequest == (try AWSTestSuite.text(caseName, "header-canonical-request.txt")))
        #expect(trace.stringToSign == (try AWSTestSuite.text(caseName, "header-string-to-sign.txt")))
        #expect(trace.signature == (try expectedSignature(caseName, "header-signature.txt")))

        let expected = try SuiteHTTPRequest(parsing: AWSTestSuite.text(caseName, "header-signed-request.txt"))
        let expectedAdded = Array(expected.headers.dropFirst(request.headers.count))
        #expect(Array(trace.request.headers.dropFirst(request.signable.headers.count)) == expectedAdded)
        #expect(trace.request.query == expected.query)
    }

    @Test("Query-string signing (presigned URL)", arguments: AWSTestSuite.caseNames)
    func querySigning(_ caseName: String) throws {
        let context = try SuiteContext.load(caseName)
        let request = try SuiteHTTPRequest(parsing: AWSTestSuite.text(caseName, "request.txt"))
        let signer = SigV4Signer(service: context.service, region: context.region, options: context.options)
        let mode = SigV4Signer.Mode.query(expires: context.expirationInSeconds)
        let trace = try signer.trace(
            request.signable, credentials: context.signingCredentials, date: context.date, mode: mode)

        #expect(trace.canonicalRequest == (try AWSTestSuite.text(caseName, "query-canonical-request.txt")))
        #expect(trace.stringToSign == (try AWSTestSuite.text(caseName, "query-string-to-sign.txt")))
        #expect(trace.signature == (try expectedSignature(caseName, "query-signature.txt")))

        let expected = try SuiteHTTPRequest(parsing: AWSTestSuite.text(caseName, "query-signed-request.txt"))
        #expect(trace.request.query == expected.query)
        #expect(trace.request.headers == request.signable.headers)
    }

    private func expectedSignature(_ caseName: String, _ file: String) throws -> String {
        try AWSTestSuite.text(caseName, file).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
