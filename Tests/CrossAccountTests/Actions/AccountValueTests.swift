import AWS
import CrossAccount
import HTTP
import Services
import Testing

/// `Account` is a value although its fields live in a shared box: setting a field of a copy leaves
/// the original as it was.
struct AccountValueTests {
    /// A transport nothing here sends on.
    struct UnusedTransport: HTTPTransport {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse { throw CancellationError() }
    }

    static func account() throws -> Account {
        let context = ClientContext(transport: UnusedTransport())
        let factory = ClientFactory(context: context, endpoints: EndpointResolver(environment: Environment([:])))
        let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret", source: .environment)
        return Account(
            alias: "primary", id: try AccountID("123456789012"), principalARN: "arn:aws:iam::123456789012:user/admin",
            region: "us-east-1", credentials: StaticCredentialProvider(credentials), source: .environment,
            factory: factory)
    }

    @Test func settingAFieldOfACopyLeavesTheOriginal() throws {
        let original = try Self.account()
        var copy = original
        copy.alias = "sec1"
        copy.id = try AccountID("111111111111")
        copy.principalARN = "arn:aws:sts::111111111111:assumed-role/Admin/s3x"
        copy.region = "eu-west-1"
        copy.source = .profile("other")

        #expect(original.alias == "primary")
        #expect(original.id == (try AccountID("123456789012")))
        #expect(original.principalARN == "arn:aws:iam::123456789012:user/admin")
        #expect(original.region == "us-east-1")
        #expect(original.source == .environment)
        #expect(copy.label == "sec1 (111111111111)")
        #expect(copy.region == "eu-west-1")
        #expect(copy.source == .profile("other"))
        #expect(copy.partition == "aws")
    }
}
