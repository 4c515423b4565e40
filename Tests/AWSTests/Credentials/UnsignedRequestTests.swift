import AWS
import Foundation
import HTTP
import SigV4
import Testing

/// Requests marked unsigned (IAM Identity Center's portal) go out without SigV4 headers and
/// without asking for credentials.
@Suite struct UnsignedRequestTests {
    @Test func anUnsignedRequestCarriesNoSignatureAndNeedsNoCredentials() async throws {
        let transport = ScriptedTransport([.status(200, "{}")])
        let client = Fixtures.client(transport, service: .sso, credentials: UnsignedCredentialProvider())
        let request = AWSRequest(
            operation: "GetRoleCredentials", isMutating: false, method: "GET", path: "/federation/credentials",
            query: [QueryItem(name: "role_name", value: "Admin Role"), QueryItem(name: "account_id", value: "1")],
            headers: [Header(name: "x-amz-sso_bearer_token", value: "TOKEN")], isSigned: false)
        _ = try await client.send(request)
        let sent = try #require(transport.requests.first)
        #expect(sent.method == "GET")
        #expect(
            sent.url == "https://sso.us-east-1.amazonaws.com/federation/credentials?account_id=1&role_name=Admin%20Role"
        )
        #expect(sent.headers["x-amz-sso_bearer_token"] == "TOKEN")
        #expect(sent.headers["Authorization"] == nil)
        #expect(sent.headers["X-Amz-Date"] == nil)
    }

    @Test func signedRequestsStillNeedCredentials() async throws {
        let transport = ScriptedTransport([.status(200, "{}")])
        let client = Fixtures.client(transport, service: .sso, credentials: UnsignedCredentialProvider())
        await #expect(throws: AWSError.self) { try await client.send(Fixtures.request) }
        #expect(transport.attempts == 0)
    }

    @Test func theErrorTypeHeaderNamesARestJSONError() {
        var headers = HTTPHeaders()
        headers.add(name: "x-amzn-ErrorType", value: "UnauthorizedException:http://internal.amazon.com/coral/")
        let response = HTTPResponse(status: 401, headers: headers, body: Array(#"{"message":"no"}"#.utf8))
        let error = ErrorDecoder.decode(response, service: .sso, operation: "GetRoleCredentials")
        #expect(error.code == "UnauthorizedException")
        #expect(error.serviceError?.message == "no")
    }
}
