import AWS
import CrossAccount
import Services
import TestSupport
import Testing

/// The calls the procedure sends: at AWS's latency every call is about 100 ms and, at scale, a share
/// of the account's API rate. A first run reads once before each create and never reads back what it
/// has just created; only the role is read back, as the procedure asks ("before finishing, verify").
@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct CallBudgetTests {
    /// The operations a first run sends, with how often, for one secondary.
    static let firstRun: [String: Int] = [
        // The bucket: owned? exists? create, policy.
        "ListBuckets": 1, "HeadBucket": 1, "CreateBucket": 1, "PutBucketPolicy": 2,
        // Two trails: read, create, data events, start; a new trail's selectors and status are known.
        "GetTrail": 2, "CreateTrail": 2, "PutEventSelectors": 2, "StartLogging": 2,
        // The user and its key: the keys are listed before (is one active?) and after the create
        // (to delete a key whose reply was lost).
        "GetUser": 1, "CreateUser": 1, "ListAccessKeys": 2, "CreateAccessKey": 1,
        // The primary's policy (quota read with the attachments, at once) and the secondary's.
        "ListAttachedUserPolicies": 1, "GetAccountSummary": 1, "GetPolicy": 2, "CreatePolicy": 2,
        "AttachUserPolicy": 1,
        // The prefixes.
        "GetBucketPolicy": 1,
        // The role: read, create, attach (a new role has nothing attached), then verified.
        "GetRole": 2, "CreateRole": 1, "AttachRolePolicy": 1, "ListAttachedRolePolicies": 1,
    ]

    /// A rerun reads and changes nothing (the bucket's existence is read with the account's buckets,
    /// at once, on every run).
    static let rerun: [String: Int] = [
        "ListBuckets": 1, "HeadBucket": 1, "GetBucketPolicy": 2, "GetTrail": 2, "GetEventSelectors": 2,
        "GetTrailStatus": 2,
        "GetUser": 1, "ListAccessKeys": 1, "ListAttachedUserPolicies": 1, "GetAccountSummary": 1,
        "GetPolicy": 2, "GetPolicyVersion": 2, "GetRole": 2, "ListAttachedRolePolicies": 2,
    ]

    private static func counts(_ proxy: FaultProxy, after start: Int = 0) -> [String: Int] {
        proxy.log.filter { $0.request.index >= start }.reduce(into: [:]) { $0[$1.request.operation, default: 0] += 1 }
    }

    @Test func aFirstRunAndARerunSendExactlyTheirBudget() async throws {
        let emulator = try #require(Emulator.current)
        let proxy = try FaultProxy(upstream: emulator.endpoint)
        defer { proxy.stop() }
        let session = try await FaultedSession.connect(emulator, through: proxy.baseURL, secondaries: 1)
        let run = ProcedureRun()

        let start = proxy.log.count
        _ = try await run.run(session)
        let first = Self.counts(proxy, after: start)
        let middle = proxy.log.count
        _ = try await run.run(session)
        let second = Self.counts(proxy, after: middle)

        #expect(first == Self.firstRun)
        #expect(second == Self.rerun)
    }
}
