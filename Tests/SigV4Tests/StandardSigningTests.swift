import Foundation
import SigV4
import Testing

/// Rules of the non-S3 services: double path encoding, normalisation, signing every header given.
@Suite struct StandardSigningTests {
    let signer = SigV4Signer(service: "sts", region: "us-east-1")
    let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    @Test func pathIsNormalisedThenEncodedTwice() throws {
        let request = SignableRequest(method: "GET", host: "example.amazonaws.com", path: "/a/./b/../example space/")
        let canonical = try signer.canonicalRequest(request, payloadHash: Fixtures.emptyHash)
        #expect(canonical.split(separator: "\n")[1] == "/a/example%2520space/")
        #expect(SigV4Signer.encodePath("/a/example space/") == "/a/example%20space/")
    }

    @Test func sessionTokenIsSentAndSigned() throws {
        let request = SignableRequest(method: "POST", host: "sts.amazonaws.com")
        let signed = try signer.sign(request, credentials: Fixtures.temporaryCredentials, date: date)
        #expect(signed.header("X-Amz-Security-Token") == "session+token/EXAMPLE==")
        #expect(signed.signedHeaderList == ["host", "x-amz-date", "x-amz-security-token"])
    }

    @Test func presignedSessionTokenIsEncodedInTheCanonicalQuery() throws {
        let request = SignableRequest(method: "GET", host: "sts.amazonaws.com")
        let trace = try signer.trace(
            request, credentials: Fixtures.temporaryCredentials, date: date, mode: .query(expires: 60))
        #expect(trace.canonicalRequest.contains("&X-Amz-Security-Token=session%2Btoken%2FEXAMPLE%3D%3D&"))
        #expect(trace.request.query.last?.name == "X-Amz-Signature")
    }

    @Test func jsonTargetHeaderAndBodyAreSigned() throws {
        let body = Array(#"{"Name":"trail"}"#.utf8)
        let request = SignableRequest(
            method: "POST", host: "cloudtrail.us-east-1.amazonaws.com",
            headers: [
                Header(name: "Content-Type", value: "application/x-amz-json-1.1"),
                Header(name: "X-Amz-Target", value: "CloudTrail_20131101.GetTrail"),
            ], body: body)
        let trace = try signer.trace(request, credentials: Fixtures.credentials, date: date, mode: .header)
        #expect(trace.request.signedHeaderList == ["content-type", "host", "x-amz-date", "x-amz-target"])
        #expect(trace.canonicalRequest.contains("x-amz-target:CloudTrail_20131101.GetTrail\n"))
        // SHA-256 of the body, computed independently with Python's hashlib.
        #expect(trace.canonicalRequest.hasSuffix("\n6c57d9389309a9153fb82959254d9e464e5bb3e91eeea611dc396bf30d87290f"))
        #expect(trace.request.header("x-amz-content-sha256") == nil)
    }

    @Test func resigningReplacesEarlierSigningHeaders() throws {
        let request = SignableRequest(method: "GET", host: "iam.amazonaws.com")
        let once = try signer.sign(request, credentials: Fixtures.temporaryCredentials, date: date)
        let twice = try signer.sign(once, credentials: Fixtures.temporaryCredentials, date: date.addingTimeInterval(60))
        #expect(twice.headerValues("Authorization").count == 1)
        #expect(twice.headerValues("X-Amz-Security-Token").count == 1)
        #expect(twice.header("X-Amz-Date") == "20150830T123700Z")
    }

    @Test(
        arguments: [
            (0.0, "19700101T000000Z"), (951_782_400.0, "20000229T000000Z"),
            (1_709_251_199.999, "20240229T235959Z"), (4_102_444_800.0, "21000101T000000Z"),
        ])
    func dateIsFormattedInUTC(_ seconds: Double, _ expected: String) throws {
        let request = SignableRequest(method: "GET", host: "iam.amazonaws.com")
        let signed = try signer.sign(
            request, credentials: Fixtures.credentials, date: Date(timeIntervalSince1970: seconds))
        #expect(signed.header("X-Amz-Date") == expected)
    }
}
