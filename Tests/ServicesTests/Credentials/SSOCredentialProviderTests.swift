import AWS
import Foundation
import HTTP
import Services
import Testing

/// IAM Identity Center profiles through recorded portal replies and a token cache in a
/// temporary home directory.
@Suite struct SSOCredentialProviderTests {
    static let token = "aoaAAAAAGSSOaccessTOKEN0123456789EXAMPLE"
    static let secret = "sSoRoLeSeCrEt/0123456789EXAMPLEKEY"
    static let sessionToken = "IQoJb3JpZ2luX2VjSSOSESSIONTOKENEXAMPLE"

    static let config = """
        [sso-session my-sso]
        sso_start_url = https://example.awsapps.com/start
        sso_region = eu-west-1

        [profile dev]
        sso_session = my-sso
        sso_account_id = 111111111111
        sso_role_name = AdministratorAccess

        [profile legacy]
        sso_start_url = https://example.awsapps.com/start
        sso_region = eu-west-1
        sso_account_id = 222222222222
        sso_role_name = ReadOnly
        """

    /// The portal's reply, with an expiry `minutes` after the test clock's start (epoch milliseconds).
    static func portalReply(minutes: Double = 60, key: String = "ASIASSOEXAMPLE") -> HTTPResponse {
        let expiration = Int64((ManualClock.start.timeIntervalSince1970 + minutes * 60) * 1000)
        return RecordedTransport.reply(
            200,
            #"{"roleCredentials":{"accessKeyId":"\#(key)","secretAccessKey":"\#(secret)","#
                + #""sessionToken":"\#(sessionToken)","expiration":\#(expiration)}}"#)
    }

    /// A temporary home with the token cache, and a resolver over `transport`.
    struct Setup {
        let home: String
        let transport: RecordedTransport
        let clock = ManualClock()
        let environment: [String: String]

        init(_ replies: [HTTPResponse], environment: [String: String] = [:]) throws {
            home = FileManager.default.temporaryDirectory.appendingPathComponent("sso-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: "\(home)/.aws/sso/cache", withIntermediateDirectories: true)
            transport = RecordedTransport(replies)
            self.environment = environment.merging(["HOME": home]) { first, _ in first }
        }

        func writeToken(key: String = "my-sso", expiresAt: String = "2026-12-03T23:15:08Z", body: String? = nil) throws
        {
            let text = body ?? #"{"accessToken": "\#(token)", "expiresAt": "\#(expiresAt)"}"#
            try text.write(
                toFile: "\(home)/.aws/sso/cache/\(SSOTokenCache.fileName(for: key))", atomically: true, encoding: .utf8)
        }

        func provider(_ profile: String = "dev") throws -> any CredentialProvider {
            let environment = Environment(environment)
            let context = ClientContext(transport: transport, clock: clock.wallClock)
            let factory = ClientFactory(context: context, endpoints: EndpointResolver(environment: environment))
            let resolver = ProfileCredentialResolver(
                config: try SharedConfig.parse(config: SSOCredentialProviderTests.config), environment: environment,
                factory: factory)
            return try resolver.provider(forProfile: profile).provider
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: home)
        }
    }

    @Test func aSessionProfileTradesTheCachedTokenForRoleCredentials() async throws {
        let setup = try Setup([Self.portalReply()])
        defer { setup.remove() }
        try setup.writeToken()
        let credentials = try await setup.provider().credentials()
        #expect(credentials.accessKeyID == "ASIASSOEXAMPLE")
        #expect(credentials.secretAccessKey == Self.secret)
        #expect(credentials.sessionToken == Self.sessionToken)
        #expect(credentials.expiration == ManualClock.start.addingTimeInterval(3600))
        #expect(credentials.source == .sso(profile: "dev"))
        let request = try #require(setup.transport.requests.first)
        #expect(request.method == "GET")
        #expect(
            request.url
                == "https://portal.sso.eu-west-1.amazonaws.com/federation/credentials"
                + "?account_id=111111111111&role_name=AdministratorAccess")
        #expect(request.headers["x-amz-sso_bearer_token"] == Self.token)
        #expect(request.headers["Authorization"] == nil, "the portal is not SigV4-signed")
        #expect(!"\(credentials)".contains(Self.secret))
    }

    @Test func aLegacyProfileFindsTheTokenByItsStartURL() async throws {
        let setup = try Setup([Self.portalReply()])
        defer { setup.remove() }
        try setup.writeToken(key: "https://example.awsapps.com/start")
        let credentials = try await setup.provider("legacy").credentials()
        #expect(credentials.source == .sso(profile: "legacy"))
        #expect(setup.transport.requests.first?.url.contains("account_id=222222222222&role_name=ReadOnly") == true)
    }

    @Test func roleCredentialsAreFetchedAgainBeforeTheyExpire() async throws {
        let setup = try Setup([Self.portalReply(minutes: 60), Self.portalReply(minutes: 120, key: "ASIASECOND")])
        defer { setup.remove() }
        try setup.writeToken()
        let provider = try setup.provider()
        #expect(try await provider.credentials().accessKeyID == "ASIASSOEXAMPLE")
        setup.clock.advance(by: 30 * 60)
        #expect(try await provider.credentials().accessKeyID == "ASIASSOEXAMPLE", "30 minutes left: reused")
        #expect(setup.transport.requests.count == 1)
        setup.clock.advance(by: 20 * 60)
        #expect(try await provider.credentials().accessKeyID == "ASIASECOND", "10 minutes left: fetched again")
        #expect(setup.transport.requests.count == 2)
        #expect(await provider.cachedExpiration() == ManualClock.start.addingTimeInterval(7200))
    }

    @Test func anExpiredTokenAsksForASignInWithoutCallingThePortal() async throws {
        let setup = try Setup([Self.portalReply()])
        defer { setup.remove() }
        try setup.writeToken(expiresAt: "2026-12-03T19:00:00Z")
        let provider = try setup.provider()
        let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
        #expect(error == .ssoLoginRequired(profile: "dev", command: "aws sso login --sso-session my-sso"))
        #expect(setup.transport.requests.isEmpty)
    }

    @Test func aMissingTokenOfALegacyProfileNamesTheProfileLogin() async throws {
        let setup = try Setup([])
        defer { setup.remove() }
        let provider = try setup.provider("legacy")
        let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
        #expect(error == .ssoLoginRequired(profile: "legacy", command: "aws sso login --profile legacy"))
    }

    @Test func aMalformedTokenFileIsNamedWithoutItsContent() async throws {
        let setup = try Setup([])
        defer { setup.remove() }
        try setup.writeToken(body: "{\"accessToken\": \"\(Self.token)\"")
        let provider = try setup.provider()
        let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
        guard case .ssoTokenUnreadable("dev", let file, "aws sso login --sso-session my-sso") = error else {
            Issue.record("expected .ssoTokenUnreadable, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("/.aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json"))
        #expect(error?.description.contains(Self.token) == false)
    }

    @Test func aTokenThePortalRefusesAsksForASignIn() async throws {
        let refused = RecordedTransport.reply(
            401, #"{"message":"Session token not found or invalid"}"#,
            headers: [("x-amzn-ErrorType", "UnauthorizedException:http://internal.amazon.com/coral/")])
        let setup = try Setup([refused])
        defer { setup.remove() }
        try setup.writeToken()
        let provider = try setup.provider()
        let error = await #expect(throws: CredentialError.self) { try await provider.credentials() }
        #expect(error == .ssoLoginRequired(profile: "dev", command: "aws sso login --sso-session my-sso"))
        #expect(setup.transport.requests.count == 1, "a refused token is not retried")
    }

    @Test func aRoleThePersonMayNotUseIsThePortalsError() async throws {
        let forbidden = RecordedTransport.reply(
            403, #"{"message":"No access"}"#, headers: [("x-amzn-ErrorType", "ForbiddenException")])
        let setup = try Setup([forbidden])
        defer { setup.remove() }
        try setup.writeToken()
        let provider = try setup.provider()
        let error = await #expect(throws: AWSError.self) { try await provider.credentials() }
        #expect(error?.code == "ForbiddenException")
        #expect(error?.description.contains(Self.token) == false)
    }

    @Test func theSSOEndpointCanBeRedirected() async throws {
        let setup = try Setup([Self.portalReply()], environment: ["AWS_ENDPOINT_URL_SSO": "http://127.0.0.1:4599"])
        defer { setup.remove() }
        try setup.writeToken()
        _ = try await setup.provider().credentials()
        #expect(setup.transport.requests.first?.url.hasPrefix("http://127.0.0.1:4599/federation/credentials?") == true)
    }

    @Test(arguments: [
        (
            "[profile p]\nsso_session = gone\nsso_account_id = 1\nsso_role_name = R",
            "an [sso-session gone] section in config"
        ),
        ("[profile p]\nsso_start_url = https://x\nsso_account_id = 1\nsso_role_name = R", "sso_region"),
        ("[profile p]\nsso_start_url = https://x\nsso_region = eu-west-1\nsso_role_name = R", "sso_account_id"),
        ("[profile p]\nsso_start_url = https://x\nsso_region = eu-west-1\nsso_account_id = 1", "sso_role_name"),
    ])
    func incompleteProfilesNameTheMissingSetting(config: String, missing: String) throws {
        let parsed = try SharedConfig.parse(config: config)
        let profile = try #require(parsed.profiles["p"])
        #expect(throws: CredentialError.incomplete(source: "profile p", missing: missing)) {
            try SSOCredentialProvider.settings(of: profile, config: parsed)
        }
    }
}
