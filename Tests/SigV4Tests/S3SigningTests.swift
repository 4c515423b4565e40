import Foundation
import SigV4
import Testing

/// S3's variant of SigV4: single path encoding, no normalisation, `x-amz-content-sha256`.
@Suite struct S3SigningTests {
    let signer = SigV4Signer(service: "s3", region: "us-east-1", options: .s3)

    /// AWS S3 API Reference, "Examples: Signature Calculations in AWS Signature Version 4",
    /// example "GET Object" (header signing with a Range header).
    @Test func getObjectExampleFromS3Documentation() throws {
        let request = SignableRequest(
            method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt",
            headers: [Header(name: "Range", value: "bytes=0-9")])
        let trace = try signer.trace(
            request, credentials: Fixtures.credentials, date: Fixtures.s3ExampleDate, mode: .header)
        #expect(trace.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(trace.request.header("x-amz-content-sha256") == Fixtures.emptyHash)
        #expect(trace.request.signedHeaderList == ["host", "range", "x-amz-content-sha256", "x-amz-date"])
    }

    /// AWS S3 API Reference, "Authenticating Requests: Using Query Parameters", example presigned URL
    /// for GET /test.txt valid for 86400 seconds.
    @Test func presignedURLExampleFromS3Documentation() throws {
        let request = SignableRequest(method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt")
        let trace = try signer.trace(
            request, credentials: Fixtures.credentials, date: Fixtures.s3ExampleDate, mode: .query(expires: 86_400))
        #expect(trace.canonicalRequest.hasSuffix("\nhost\nUNSIGNED-PAYLOAD"))
        #expect(trace.signature == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
        #expect(trace.request.headers.isEmpty)
    }

    @Test func pathIsEncodedOnceAndNotNormalised() throws {
        let request = SignableRequest(method: "GET", host: "127.0.0.1:5000", path: "/my bucket/a/../b+c//d")
        let canonical = try signer.canonicalRequest(request, payloadHash: Fixtures.emptyHash)
        #expect(canonical.split(separator: "\n")[1] == "/my%20bucket/a/../b%2Bc//d")
    }

    @Test func bodyHashIsSentAndSigned() throws {
        let body = Array("<Policy/>".utf8)
        let request = SignableRequest(method: "PUT", host: "127.0.0.1:5000", path: "/bucket", body: body)
        let signed = try signer.sign(request, credentials: Fixtures.credentials, date: Fixtures.s3ExampleDate)
        // SHA-256 of "<Policy/>", computed independently with Python's hashlib.
        #expect(
            signed.header("x-amz-content-sha256") == "dfd4223d451a9176c4e974623c75186081edaf5737cb9507c8aae8409d3a8b3d")
        #expect(signed.signedHeaderList.contains("x-amz-content-sha256"))
    }

    @Test func unsignedPayloadIsSentAndSigned() throws {
        var options = SigV4Signer.Options.s3
        options.payload = .unsigned
        let unsignedSigner = SigV4Signer(service: "s3", region: "us-east-1", options: options)
        let request = SignableRequest(method: "PUT", host: "127.0.0.1:5000", path: "/b/k", body: [1, 2, 3])
        let trace = try unsignedSigner.trace(
            request, credentials: Fixtures.credentials, date: Fixtures.s3ExampleDate, mode: .header)
        #expect(trace.request.header("x-amz-content-sha256") == "UNSIGNED-PAYLOAD")
        #expect(trace.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
        #expect(trace.canonicalRequest.contains("x-amz-content-sha256:UNSIGNED-PAYLOAD\n"))
    }
}
