import AWS
import CrossAccount
import HTTP
import Locking
import Services
import TestSupport
import Testing

@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct UserActionsTests {
    @Test func userAndAccessKeyAreCreatedOnceAndTheSecretOnlyOnce() async throws {
        let harness = try ActionHarness.primary()
        let user = "scanner-\(Emulator.uniqueSuffix())"
        let planned = try await UserActions.ensureUser(name: user, context: harness.plan)
        #expect(planned.outcome == .wouldCreate)
        #expect(planned.calls == ["iam:CreateUser \(user)"])
        #expect(harness.mutatingCalls.isEmpty)

        #expect(try await UserActions.ensureUser(name: user, context: harness.apply).outcome == .created)
        let created = try await UserActions.ensureAccessKey(user: user, context: harness.apply)
        #expect(created.outcome == .created)
        let keyID = try #require(created.fields.first { $0.name == "access key id" }?.value)
        #expect(created.secrets.first?.name == "secret access key")
        #expect(created.secrets.first?.value.isEmpty == false)

        harness.resetCalls()
        #expect(try await UserActions.ensureUser(name: user, context: harness.apply).outcome == .unchanged)
        let again = try await UserActions.ensureAccessKey(user: user, context: harness.apply)
        #expect(again.outcome == .unchanged)
        #expect(again.fields == [Report.Field("access key id", keyID)])
        #expect(again.secrets.isEmpty)
        #expect(harness.mutatingCalls.isEmpty)
    }

    @Test func keyCreatedBehindTheActionsBackIsDeleted() async throws {
        let harness = try ActionHarness.primary()
        let user = "scanner-\(Emulator.uniqueSuffix())"
        _ = try await UserActions.ensureUser(name: user, context: harness.apply)
        let store = LosingStore(iam: try harness.iam(), losesFirstReply: false, sneaksKeyFirst: true)
        let report = try await UserActions.ensureAccessKey(user: user, context: harness.apply, store: store)
        let keyID = try #require(report.fields.first?.value)
        let listed = try await harness.iam().listAccessKeys(userName: user).map(\.accessKeyID)
        #expect(listed == [keyID])
        #expect(report.changes.contains { $0.contains("never arrived") })
    }

    @Test func lostReplyConvergesToOneKeyWithItsSecret() async throws {
        let harness = try ActionHarness.primary()
        let user = "scanner-\(Emulator.uniqueSuffix())"
        _ = try await UserActions.ensureUser(name: user, context: harness.apply)
        let store = LosingStore(iam: try harness.iam(), losesFirstReply: true, sneaksKeyFirst: false)
        let result = try await AccessKeyProvisioner(store: store).provision(user: user)
        let listed = try await harness.iam().listAccessKeys(userName: user).map(\.accessKeyID)
        #expect(listed == [result.key.accessKeyID])
        #expect(result.deletedOrphans.count == 1)
        #expect(!result.deletedOrphans.contains(result.key.accessKeyID))
    }

    @Test func orphansAreTheNewKeysNotReceived() {
        #expect(AccessKeyProvisioner.orphans(before: ["A"], after: ["A", "B", "C"], received: "C") == ["B"])
        #expect(AccessKeyProvisioner.orphans(before: [], after: ["B"], received: nil) == ["B"])
        #expect(AccessKeyProvisioner.orphans(before: ["A"], after: ["A"], received: nil).isEmpty)
    }
}

/// Real IAM with a reply lost on purpose: the key is created, then the caller sees a transport
/// failure; or a key is created behind the caller's back just before its own.
final class LosingStore: AccessKeyStore {
    let iam: IAM
    private let pending: Locked<(lose: Bool, sneak: Bool)>

    init(iam: IAM, losesFirstReply: Bool, sneaksKeyFirst: Bool) {
        self.iam = iam
        pending = Locked((losesFirstReply, sneaksKeyFirst))
    }

    func listAccessKeys(userName: String) async throws(AWSError) -> [AccessKeyMetadata] {
        try await iam.listAccessKeys(userName: userName)
    }

    func createAccessKey(userName: String) async throws(AWSError) -> NewAccessKey {
        let (lose, sneak) = pending.withLock { state in
            defer { state = (false, false) }
            return state
        }
        if sneak { _ = try await iam.createAccessKey(userName: userName) }
        let key = try await iam.createAccessKey(userName: userName)
        if lose {
            let timeout = HTTPError(
                kind: .timedOut, operation: "receive", message: "reply lost on purpose",
                requestMayHaveReachedServer: true)
            throw .transport(service: .iam, operation: "CreateAccessKey", timeout)
        }
        return key
    }

    func deleteAccessKey(userName: String, accessKeyID: String) async throws(AWSError) {
        try await iam.deleteAccessKey(userName: userName, accessKeyID: accessKeyID)
    }
}
