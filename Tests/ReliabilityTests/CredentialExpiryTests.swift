import AWS
import CrossAccount
import Foundation
import HTTP
import Script
import Services
import TestSupport
import Testing

@testable import Shell

/// Assumed-role credentials are refreshed before they expire during a long session, on an injected clock.
@Suite struct CredentialExpiryTests {
    /// One hour: the usual length of a chained role session.
    static let lifetime: TimeInterval = 3600

    /// A client factory for `fake` whose clients run on `clock`.
    private static func factory(_ fake: FakeSTS, clock: ManualClock) throws -> ClientFactory {
        let context = ClientContext(transport: try CurlTransport(), clock: clock.wallClock)
        return ClientFactory(
            context: context,
            endpoints: EndpointResolver(commandLineURL: fake.server.baseURL, environment: Environment([:])))
    }

    /// The base identity roles are assumed from.
    private static let base = StaticCredentialProvider(
        Credentials(accessKeyID: "AKIABASE", secretAccessKey: "base-secret", source: .profile("base")))

    /// Calls `GetCallerIdentity` every 10 minutes for `hours` hours through `provider`.
    private static func longSession(_ sts: STS, clock: ManualClock, hours: Int) async throws {
        for _ in 0..<(hours * 6) {
            _ = try await sts.getCallerIdentity()
            clock.advance(by: 600)
        }
    }

    @Test func aRefreshingProviderRenewsTheSessionBeforeItExpires() async throws {
        let clock = ManualClock()
        let fake = try FakeSTS(clock: clock, lifetime: Self.lifetime)
        defer { fake.server.stop() }
        let factory = try Self.factory(fake, clock: clock)
        let assume = try factory.sts(region: "us-east-1", credentials: Self.base)
        let request = AssumeRoleRequest(
            roleARN: "arn:aws:iam::111111111111:role/R", sessionName: "s", sourceDescription: "base")
        let first = try await assume.assumeRole(request).credentials
        let provider = RefreshingCredentialProvider(initial: first, clock: clock.wallClock) {
            try await assume.assumeRole(request).credentials
        }

        try await Self.longSession(try factory.sts(region: "us-east-1", credentials: provider), clock: clock, hours: 3)

        #expect(fake.callsWithExpiredKey == 0)
        // Calls come every 10 minutes; the first one less than 15 minutes before a session ends
        // replaces it: the sessions of minutes 0, 50, 100 and 150 serve three hours.
        #expect(fake.assumeCalls == 4)
        #expect(Set(fake.keysUsed).count == 4)
    }

    @Test func theProviderOfRoleAssumeRenewsTheSessionBeforeItExpires() async throws {
        let clock = ManualClock()
        let fake = try FakeSTS(clock: clock, lifetime: Self.lifetime)
        defer { fake.server.stop() }
        let factory = try Self.factory(fake, clock: clock)
        let output = Output(colorOut: false, colorErr: false, errIsTerminal: false) { _, _ in }
        let session = Session(
            environment: Environment([:]), factory: factory, output: output,
            prompter: ScriptedSecretPrompter(answers: [:]))
        session.register(
            Account(
                alias: "base", id: try AccountID("123456789012"), principalARN: "arn:aws:iam::123456789012:user/admin",
                region: "us-east-1", credentials: Self.base, source: .profile("base"), factory: factory))
        let interpreter = Interpreter(session: session, table: .standard)
        let script = "role assume arn:aws:iam::111111111111:role/R --as sec1 --from base --duration 1h"

        let code = await interpreter.runScript(
            Source(name: "t.s3x", text: script), scope: Scope(directory: "/nonexistent", output: output))
        let account = try #require(session.account("sec1"))
        try await Self.longSession(try account.sts(), clock: clock, hours: 3)

        #expect(code == .success)
        #expect(fake.callsWithExpiredKey == 0)
        #expect(fake.assumeCalls == 4)
    }

    @Test func anExpiredSessionThatCannotBeRefreshedIsRetriedOnceAndReported() async throws {
        let clock = ManualClock()
        let fake = try FakeSTS(clock: clock, lifetime: Self.lifetime)
        defer { fake.server.stop() }
        let factory = try Self.factory(fake, clock: clock)
        let assumed = try await factory.sts(region: "us-east-1", credentials: Self.base).assumeRole(
            AssumeRoleRequest(roleARN: "arn:aws:iam::111111111111:role/R", sessionName: "s", sourceDescription: "x"))
        let fixed = StaticCredentialProvider(assumed.credentials)
        clock.advance(by: Self.lifetime + 1)

        let error = await #expect(throws: AWSError.self) {
            _ = try await factory.sts(region: "us-east-1", credentials: fixed).getCallerIdentity()
        }

        #expect(error?.code == "ExpiredToken")
        #expect(fake.callsWithExpiredKey == 2, "sent, refused, credentials invalidated, sent once more")
        let hint = FailureTranslator.hint(for: try #require(error), nil) ?? ""
        #expect(hint.contains("run 'account add' again"))
    }
}
