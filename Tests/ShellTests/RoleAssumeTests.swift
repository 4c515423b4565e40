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
    /// refused; it counts the AssumeRole calls in flight at once.
    final class FakeRoles: Sendable {
        let server: LoopbackServer
        private let counts = Locked((inFlight: 0, most: 0))

        /// The most AssumeRole calls that were in flight at once.
        var mostAtOnce: Int { counts.withLock { $0.most } }

        /// Replies are held 500 ms; with `heldUntilInFlight`, each is held instead until that many
        /// calls have been in flight at once (ten seconds at most), so that a bound on the calls in
        /// flight shows however slowly a sanitizer build sends them.
        init(heldUntilInFlight: Int? = nil) throws {
            let counts = self.counts
            server = try LoopbackServer { request in
                let body = request.bodyText.removingPercentEncoding ?? request.bodyText
                guard let start = body.range(of: "arn:aws:iam::") else { return .text(400, "") }
                let account = String(body[start.upperBound...].prefix(12))
                counts.withLock {
                    $0.inFlight += 1; $0.most = max($0.most, $0.inFlight)
                }
                if let heldUntilInFlight {
                    let deadline = ContinuousClock.now + .seconds(10)
                    while counts.withLock({ $0.most }) < heldUntilInFlight, ContinuousClock.now < deadline {
                        try? await Task.sleep(for: .milliseconds(10))
                    }
                } else {
                    try? await Task.sleep(for: .milliseconds(500))
                }
                counts.withLock { $0.inFlight -= 1 }
                if account == "999999999999" {
                    return .text(403, Self.error("AccessDenied", "not authorized to perform: sts:AssumeRole"))
                }
                return .text(200, Self.reply(account: account))
            }
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

    @Test func severalRolesAreAssumedAtOnceAndReportedInOrder() async throws {
        let fake = try FakeRoles(heldUntilInFlight: 3)
        defer { fake.server.stop() }
        let accounts = ["111111111111", "222222222222", "333333333333", "444444444444"]
        let script =
            "role assume \(accounts.map(Self.arn).joined(separator: " ")) --as s1 s2 s3 s4 --from base --jobs 3"

        let (session, sink, code) = try await run(script, against: fake)

        #expect(code == .success, "\(sink.err)")
        #expect(fake.mostAtOnce == 3, "--jobs 3 bounds the calls in flight")
        let headings = sink.out.split(separator: "\n").filter { $0.hasPrefix("role assume") }
        #expect(headings == ["role assume [s1]", "role assume [s2]", "role assume [s3]", "role assume [s4]"])
        for (alias, account) in zip(["s1", "s2", "s3", "s4"], accounts) {
            #expect(session.account(alias)?.id.description == account)
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
