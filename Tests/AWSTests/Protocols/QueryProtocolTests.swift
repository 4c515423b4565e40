import AWS
import Foundation
import HTTP
import Testing

/// `AWSClient.query`: the request it sends, and every malformed 200 reply it may get.
@Suite struct QueryProtocolTests {
    private static func call(_ reply: ScriptedTransport.Reply) async throws(AWSError) -> XMLElementTree {
        let client = Fixtures.client(ScriptedTransport([reply]))
        return try await client.query(action: "GetCallerIdentity", version: "2011-06-15", isMutating: false)
    }

    private static func reason(of error: AWSError?) -> String? {
        guard case .malformedResponse(_, _, _, let reason) = error else { return nil }
        return reason
    }

    /// Element names are read without their namespace prefix, whatever the prefix and the text.
    @Test func prefixedElementNamesAreReadByTheirLocalName() async throws {
        let result = try await Self.call(
            .status(
                200,
                """
                <sts:GetCallerIdentityResponse xmlns:sts="https://sts.amazonaws.com/doc/2011-06-15/">
                  <sts:GetCallerIdentityResult><a:b:Arn>arn:aws:iam::123456789012:user/élan</a:b:Arn>
                  <Account>123456789012</Account></sts:GetCallerIdentityResult>
                </sts:GetCallerIdentityResponse>
                """))
        #expect(result.name == "GetCallerIdentityResult")
        #expect(result.text(at: "Arn") == "arn:aws:iam::123456789012:user/élan")
        #expect(result.text(at: "Account") == "123456789012")
    }

    @Test func sendsAFormEncodedActionAndReturnsTheResult() async throws {
        let transport = ScriptedTransport([
            .status(
                200,
                """
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/alice</Arn>
                  <Account>123456789012</Account></GetCallerIdentityResult>
                </GetCallerIdentityResponse>
                """)
        ])
        let client = Fixtures.client(transport)
        let result = try await client.query(
            action: "GetCallerIdentity", version: "2011-06-15", parameters: [("Name", "a b")], isMutating: false)
        #expect(result.name == "GetCallerIdentityResult")
        let account = try result.required("Account", service: .sts, operation: "GetCallerIdentity")
        #expect(account == "123456789012")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url == "https://sts.us-east-1.amazonaws.com/")
        #expect(
            String(decoding: request.body, as: UTF8.self) == "Action=GetCallerIdentity&Name=a%20b&Version=2011-06-15")
    }

    @Test func truncatedXMLIsReportedWithItsPosition() async {
        let error = await #expect(throws: AWSError.self) {
            try await Self.call(.status(200, "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws"))
        }
        let reason = Self.reason(of: error) ?? ""
        #expect(reason.hasPrefix("malformed XML at line 1, column "))
    }

    /// Found by the XML fuzzer: Foundation's parser crashes on `<?name?>`; such replies are refused
    /// before it sees them, while a leading XML declaration is read as usual.
    @Test(arguments: [
        "<?x?><GetCallerIdentityResponse/>", "<GetCallerIdentityResponse>\n<?pi data?></GetCallerIdentityResponse>",
    ])
    func aProcessingInstructionIsRefusedWithItsPlace(body: String) async {
        let error = await #expect(throws: AWSError.self) { try await Self.call(.status(200, body)) }
        let reason = Self.reason(of: error) ?? ""
        #expect(reason.contains("the reply holds a processing instruction"), "\(reason)")
        #expect(reason.contains(body.hasPrefix("<?x") ? "line 1, column 1" : "line 2, column 1"), "\(reason)")
    }

    @Test func aLeadingXMLDeclarationIsRead() async throws {
        let body =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<GetCallerIdentityResponse><GetCallerIdentityResult>"
            + "<Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"
        let result = try await Self.call(.status(200, body))
        #expect(result.name == "GetCallerIdentityResult")
    }

    @Test func anEmptyReplyIsReported() async {
        let error = await #expect(throws: AWSError.self) { try await Self.call(.status(200)) }
        #expect(Self.reason(of: error) != nil)
    }

    @Test func anHTMLPageWithStatus200IsNamedAsSuch() async {
        let page = "<!DOCTYPE html><html><head><meta charset=utf-8><title>Login</title></head><body>x</body></html>"
        let error = await #expect(throws: AWSError.self) { try await Self.call(.status(200, page)) }
        #expect(
            Self.reason(of: error) == "an HTML page instead of an AWS reply (the endpoint may not be an AWS service)")
    }

    @Test func theWrongRootElementIsNamed() async {
        let error = await #expect(throws: AWSError.self) {
            try await Self.call(.status(200, "<GetUserResponse><GetUserResult/></GetUserResponse>"))
        }
        #expect(Self.reason(of: error) == "expected <GetCallerIdentityResponse>, got <GetUserResponse>")
        #expect(
            error?.description == "sts GetCallerIdentity answered something s3x cannot read (HTTP 200): "
                + "expected <GetCallerIdentityResponse>, got <GetUserResponse>")
    }

    @Test func aMissingRequiredElementIsNamed() async throws {
        let result = try await Self.call(
            .status(
                200,
                "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>a</Arn></GetCallerIdentityResult>"
                    + "</GetCallerIdentityResponse>"))
        let error = #expect(throws: AWSError.self) {
            try result.required("User", "UserId", service: .sts, operation: "GetCallerIdentity")
        }
        #expect(Self.reason(of: error) == "the reply lacks <User/UserId>")
    }

    @Test func clockSkewIsMeasuredAgainstTheInjectedClock() async {
        let clock = TestClock()
        let transport = ScriptedTransport([
            .status(
                403, Fixtures.queryError("RequestTimeTooSkewed"), headers: ["Date": "Thu, 03 Dec 2026 19:35:08 GMT"])
        ])
        let client = Fixtures.client(transport, clock: clock)
        let error = await #expect(throws: AWSError.self) { try await client.send(Fixtures.request) }
        guard case .clockSkew(_, let offset) = error else {
            Issue.record("expected .clockSkew, got \(String(describing: error))")
            return
        }
        #expect(offset == 1200)
        #expect(error?.description.contains("this machine's clock is 1200 s behind the server's") == true)
        #expect(transport.attempts == 1)
    }
}
