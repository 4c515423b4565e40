import Foundation
import SigV4
import Testing

/// Secrets never reach descriptions or errors; invalid input is rejected with a clear message.
@Suite struct RedactionAndErrorTests {
    let signer = SigV4Signer(service: "iam", region: "us-east-1")
    let date = Date(timeIntervalSince1970: 1_440_938_160)
    let secrets = ["temporary-secret-EXAMPLE", "session+token/EXAMPLE=="]

    @Test func credentialsDescriptionHidesSecretAndToken() {
        let credentials = Fixtures.temporaryCredentials
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [credentials.description, String(reflecting: credentials), "\(credentials)", dumped] {
            #expect(text.contains("ASIAEXAMPLE"))
            #expect(!secrets.contains { text.contains($0) })
        }
    }

    @Test func signedRequestAndTraceDescriptionsHideSecrets() throws {
        let request = SignableRequest(method: "GET", host: "iam.amazonaws.com")
        let trace = try signer.trace(request, credentials: Fixtures.temporaryCredentials, date: date, mode: .header)
        let presigned = try signer.trace(
            request, credentials: Fixtures.temporaryCredentials, date: date, mode: .query(expires: 60))
        for text in [
            trace.request.description, presigned.request.description, trace.description, presigned.description,
        ] {
            #expect(!secrets.contains { text.contains($0) })
            #expect(!text.contains(trace.signature) && !text.contains(presigned.signature))
        }
        #expect(trace.request.description.contains("Authorization: <redacted>"))
        #expect(trace.description.contains("x-amz-security-token:<redacted>\n"))
        #expect(presigned.description.contains("&X-Amz-Security-Token=<redacted>&"))
    }

    @Test func incompleteCredentialsAreRejected() {
        let request = SignableRequest(method: "GET", host: "iam.amazonaws.com")
        let noSecret = SigningCredentials(accessKeyID: "AKID", secretAccessKey: "")
        #expect(throws: SigningError.incompleteCredentials(missing: "secret access key")) {
            try signer.sign(request, credentials: noSecret, date: date)
        }
        let noKeyID = SigningCredentials(accessKeyID: "", secretAccessKey: "secret-EXAMPLE")
        #expect(throws: SigningError.incompleteCredentials(missing: "access key ID")) {
            try signer.sign(request, credentials: noKeyID, date: date)
        }
    }

    @Test func invalidHeadersAreRejected() {
        let hostHeader = SignableRequest(method: "GET", host: "a", headers: [Header(name: "Host", value: "b")])
        #expect(throws: SigningError.hostHeaderInHeaders) {
            try signer.sign(hostHeader, credentials: Fixtures.credentials, date: date)
        }
        let badName = SignableRequest(method: "GET", host: "a", headers: [Header(name: "Bad Name", value: "1")])
        #expect(throws: SigningError.invalidHeaderName("Bad Name")) {
            try signer.sign(badName, credentials: Fixtures.credentials, date: date)
        }
    }

    @Test(arguments: [0, -1, 604_801])
    func presignExpiryOutsideSevenDaysIsRejected(_ seconds: Int) {
        let request = SignableRequest(method: "GET", host: "iam.amazonaws.com")
        #expect(throws: SigningError.expiresOutOfRange(seconds: seconds)) {
            try signer.presign(request, credentials: Fixtures.credentials, date: date, expires: seconds)
        }
    }

    @Test func errorsRenderAClearMessage() {
        #expect(
            SigningError.expiresOutOfRange(seconds: 0).description
                == "cannot presign: expiry of 0 seconds is outside 1...604800 (7 days)")
        #expect(
            SigningError.invalidHeaderName("Bad Name").description
                == "cannot sign: \"Bad Name\" is not a valid HTTP header name")
    }
}
