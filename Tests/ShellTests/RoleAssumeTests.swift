import AWS
import CrossAccount
import Foundation
import HTTP
import Locking
import Script
import Services
import TestSupport
import Testing

@testable import Shell

/// `role assume ROLE_ARN... --as ALIAS...` against a small STS stand-in: roles assumed at once,
/// results in the order given, a refused role named while the others are added.
@Suite struct RoleAssumeTests {
    /// An STS stand-in: AssumeRole of any role succeeds, except in account 999999999999, which is
    /// refused, and GetCallerIdentity answers for the account whose assumed key signed it; it
    /// counts the calls of each action in flight at once.
    final class FakeRoles: Sendable {
        let server: LoopbackServer
        private let counts = Locked([String: (inFlight: Int, most: Int)]())

        /// The most AssumeRole calls that were in flight at once.
        var mostAtOnce: Int { mostAtOnce("AssumeRole") }

        /// The most calls of `action` that were in flight at once.
        func mostAtOnce(_ action: String) -> Int { counts.withLock { $0[action]?.most ?? 0 } }

        /// Replies are held 500 ms; with `heldUntilInFlight`, each is held instead until that many
        /// calls of its action have been in flight at once (ten seconds at most), so that a bound on
        /// the calls in flight shows however slowly a sanitizer build sends them.
        init(heldUntilInFlight: Int? = nil) throws {
            let counts = self.counts
            server = try LoopbackServer { request in
                let body = request.bodyText.removingPercentEncoding ?? request.bodyText
                let isIdentity = body.contains("Action=GetCallerIdentity")
                let action = isIdentity ? "GetCallerIdentity" : "AssumeRole"
                // The account follows the marker: in the assumed key that signed a GetCallerIdentity
                // (ASIA<account>XXXX), in the role ARN of an AssumeRole.
                let (text, marker) =
                    isIdentity ? (request.headers["Authorization"] ?? "", "Credential=ASIA") : (body, "arn:aws:iam::")
                guard let start = text.range(of: marker) else { return .text(400, "") }
                let account = String(text[start.upperBound...].prefix(12))
                counts.withLock {
                    var count = $0[action] ?? (0, 0)
                    count.inFlight += 1
                    count.most = max(count.most, count.inFlight)
                    $0[action] = count
                }
                if let heldUntilInFlight {
                    let deadline = ContinuousClock.now + .seconds(10)
                    let most = { counts.withLock { $0[action]?.most ?? 0 } }
                    while most() < heldUntilInFlight, ContinuousClock.now < deadline {
                        try? await Task.sleep(for: .milliseconds(10))
                    }
                } else {
                    try? await Task.sleep(for: .milliseconds(500))
                }
                counts.withLock { $0[action]?.inFlight -= 1 }
                if isIdentity {
                    return .text(200, Self.identity(account: account))
                }
                if account == "999999999999" {
                    return .text(403, Self.error("AccessDenied", "not authorized to perform: sts:AssumeRole"))
                }
                return .text(200, Self.reply(account: account))
            }
        }

        private static func identity(account: String) -> String {
            """
            <GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:sts::\(account):assumed-role/Admin/s</Arn>\
            <UserId>AROAFAKE:s</UserId><Account>\(account)</Account></GetCallerIdentityResult></GetCallerIdentityResponse>
            """
        }

        private static func error(_ code: String, _ message: String) -> String {
            "<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error>"
                + "<RequestId>r</RequestId></ErrorResponse>"
        }

        private static func reply(account: String) -> String {
            """
            <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA\(account)XXXX</AccessKeyId>\
            <SecretAccessKey>fake-secret</SecretAccessKey><SessionToken>fake-token</SessionToken>\
            <Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser>\
            <Arn>arn:aws:sts::\(account):assumed-role/Admin/s</Arn><AssumedRoleId>AROAFAKE:s</AssumedRoleId>\
            </AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>
            """
        }
    }

    /// Runs `script` in a session whose `base` account talks to `fake`; returns the sink and code.
    private func run(_ script: String, against fake: FakeRoles) async throws -> (Session, OutputSink, ExitCode) {
        let factory = ClientFactory(
            context: ClientContext(transport: try CurlTransport()),
            endpoints: EndpointResolver(commandLineURL: fake.server.baseURL, environment: Environment([:])))
        let sink = OutputSink()
        let session = Session(
            environment: Environment([:]), factory: factory, output: sink.output,
            prompter: ScriptedSecretPrompter(answers: [:]))
        let base = StaticCredentialProvider(
            Credentials(accessKeyID: "AKIABASE", secretAccessKey: "base-secret", source: .profile("base")))
        session.register(
            Account(
                alias: "base", id: try AccountID("123456789012"), principalARN: "arn:aws:iam::123456789012:user/a",
                region: "us-east-1", credentials: base, source: .profile("base"), factory: factory))
        let code = await Interpreter(session: session, table: .standard).runScript(
            Source(name: "t.s3x", text: script), scope: Scope(directory: "/nonexistent", output: sink.output))
        return (session, sink, code)
    }

    private static func arn(_ account: String) -> String { "arn:aws:iam::\(account):role/Admin" }

    /// Six accounts, 111111111111 to 666666666666, and the aliases s1 to s6 for their roles.
    private static let sixAccounts = (1...6).map { String(repeating: String($0), count: 12) }
    private static let sixAliases = (1...6).map { "s\($0)" }

    @Test func severalRolesAreAssumedAtOnceAndReportedInOrder() async throws {
        let fake = try FakeRoles(heldUntilInFlight: 3)
        defer { fake.server.stop() }
        let script =
            "role assume \(Self.sixAccounts.map(Self.arn).joined(separator: " ")) "
            + "--as \(Self.sixAliases.joined(separator: " ")) --from base --jobs 3"

        let (session, sink, code) = try await run(script, against: fake)

        #expect(code == .success, "\(sink.err)")
        #expect(fake.mostAtOnce == 3, "--jobs 3 bounds the calls in flight")
        let headings = sink.out.split(separator: "\n").filter { $0.hasPrefix("role assume") }
        #expect(headings == Self.sixAliases.map { "role assume [\($0)]" })
        for (alias, account) in zip(Self.sixAliases, Self.sixAccounts) {
            #expect(session.account(alias)?.id.description == account)
        }
    }

    @Test func aThinLastRoundIsSpreadOverTheOthers() async throws {
        // Four roles at most three at once: two rounds of two, not three and then one alone. Each
        // reply is held 500 ms, so that a third call, were it sent, would be in flight with them.
        let fake = try FakeRoles()
        defer { fake.server.stop() }
        let script =
            "role assume \(Self.sixAccounts.prefix(4).map(Self.arn).joined(separator: " ")) "
            + "--as s1 s2 s3 s4 --from base --jobs 3"

        let (_, sink, code) = try await run(script, against: fake)

        #expect(code == .success, "\(sink.err)")
        #expect(fake.mostAtOnce <= 2)
    }

    @Test func anEachBlockSpreadsItsAccountsEvenlyWithinItsBound() async throws {
        // Five accounts at most four at once: rounds of three and two, not four and then one alone
        // (replies held 500 ms, as above).
        let fake = try FakeRoles()
        defer { fake.server.stop() }
        let script =
            "role assume \(Self.sixAccounts.prefix(5).map(Self.arn).joined(separator: " ")) "
            + "--as s1 s2 s3 s4 s5 --from base --jobs 5\n"
            + "each s1 s2 s3 s4 s5 --jobs 4 {\n  whoami\n}\n"

        let (_, sink, code) = try await run(script, against: fake)

        #expect(code == .success, "\(sink.err)")
        #expect(fake.mostAtOnce("GetCallerIdentity") <= 3)
        for account in Self.sixAccounts.prefix(5) {
            #expect(sink.out.contains(account), "whoami in \(account)")
        }
    }

    @Test func aRefusedRoleIsNamedAndTheOthersAreAdded() async throws {
        let fake = try FakeRoles()
        defer { fake.server.stop() }
        let script = "role assume \(Self.arn("111111111111")) \(Self.arn("999999999999")) --as s1 s9 --from base"

        let (session, sink, code) = try await run(script, against: fake)

        #expect(code == .commandFailed)
        #expect(session.account("s1") != nil)
        #expect(session.account("s9") == nil)
        #expect(sink.out.contains("role assume [s1]"))
        #expect(sink.err.contains("1 of 2 roles were not assumed: s9 (arn:aws:iam::999999999999:role/Admin)"))
        #expect(sink.err.contains("AccessDenied"))
    }

    @Test func oneAliasPerRoleIsCheckedBeforeAnythingRuns() async throws {
        let fake = try FakeRoles()
        defer { fake.server.stop() }
        let script =
            "role assume \(Self.arn("111111111111")) --as s1 --from base\n"
            + "role assume \(Self.arn("222222222222")) \(Self.arn("333333333333")) --as s2 --from base"

        let (session, sink, code) = try await run(script, against: fake)

        #expect(code == .usage)
        #expect(session.account("s1") == nil, "the first line did not run")
        #expect(sink.err.contains("t.s3x:2:"))
        #expect(sink.err.contains("2 role ARNs but 1 alias after --as"))
    }
}
