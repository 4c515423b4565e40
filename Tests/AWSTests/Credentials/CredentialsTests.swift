import AWS
import Foundation
import Testing

/// The environment provider, and that no rendering of credentials shows a secret.
@Suite struct CredentialsTests {
    private static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    private static let token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN"

    @Test func theEnvironmentProviderReadsAllFourVariables() async throws {
        let provider = EnvironmentCredentialProvider(
            environment: Environment([
                "AWS_ACCESS_KEY_ID": "ASIAENV", "AWS_SECRET_ACCESS_KEY": Self.secret, "AWS_SESSION_TOKEN": Self.token,
                "AWS_CREDENTIAL_EXPIRATION": "2026-12-03T19:15:08Z",
            ]))
        #expect(provider.isConfigured)
        let credentials = try await provider.credentials()
        #expect(
            credentials
                == Credentials(
                    accessKeyID: "ASIAENV", secretAccessKey: Self.secret, sessionToken: Self.token,
                    expiration: TestClock.reference, source: .environment))
    }

    @Test func aMissingKeyOrSecretIsNamed() async {
        let empty = EnvironmentCredentialProvider(environment: Environment(["AWS_ACCESS_KEY_ID": ""]))
        #expect(!empty.isConfigured)
        await #expect(throws: CredentialError.notInEnvironment) { try await empty.credentials() }
        let half = EnvironmentCredentialProvider(environment: Environment(["AWS_ACCESS_KEY_ID": "AKID"]))
        let error = await #expect(throws: CredentialError.self) { try await half.credentials() }
        #expect(error == .incomplete(source: "environment", missing: "AWS_SECRET_ACCESS_KEY"))
        #expect(error?.description == "the credentials from environment lack AWS_SECRET_ACCESS_KEY")
    }

    @Test func noRenderingShowsTheSecretOrToken() {
        let credentials = Credentials(
            accessKeyID: "ASIAENV", secretAccessKey: Self.secret, sessionToken: Self.token,
            expiration: TestClock.reference, source: .process(profile: "dev"))
        #expect(
            credentials.description
                == "Credentials(ASIAENV, secret redacted, from credential_process of profile dev "
                + "expiring 2026-12-03T19:15:08Z)")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [credentials.description, String(reflecting: credentials), dumped, "\(credentials.signing)"] {
            #expect(!text.contains(Self.secret))
            #expect(!text.contains(Self.token))
        }
        #expect(credentials.secrets == [Self.secret, Self.token])
    }

    @Test func validityHonoursTheMargin() {
        let credentials = Credentials(
            accessKeyID: "A", secretAccessKey: "S", expiration: TestClock.reference, source: .prompt)
        let before = TestClock.reference.addingTimeInterval(-600)
        #expect(credentials.isValid(at: before))
        #expect(credentials.isValid(at: before, margin: 599))
        #expect(!credentials.isValid(at: before, margin: 600))
        #expect(Credentials(accessKeyID: "A", secretAccessKey: "S", source: .prompt).isValid(at: .distantFuture))
    }
}
