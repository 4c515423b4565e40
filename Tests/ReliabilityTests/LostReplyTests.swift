import AWS
import CrossAccount
import Services
import TestSupport
import Testing

/// A lost reply to each mutating operation s3x uses: the proxy forwards the operation's first request
/// (so the change is applied) and closes the connection instead of answering. The run must still
/// complete and end in exactly the state of the same run without the fault.
@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct LostReplyTests {
    /// The operations the example setup makes on its first run.
    static let setupOperations = [
        "CreateBucket", "PutBucketPolicy", "CreateTrail", "PutEventSelectors", "StartLogging", "CreateUser",
        "CreateAccessKey", "CreatePolicy", "AttachUserPolicy", "AttachRolePolicy", "CreateRole",
    ]

    /// The operations only a rerun after a change behind s3x's back makes, with that change.
    static let driftOperations: [(String, Drift)] = [
        ("UpdateTrail", .singleRegionTrail), ("CreatePolicyVersion", .policyDocument),
        ("DeletePolicyVersion", .fivePolicyVersions), ("UpdateAssumeRolePolicy", .roleTrust),
    ]

    /// One secondary is enough to exercise every operation, and keeps each case short.
    private static func session(_ emulator: Emulator, through endpoint: String) async throws -> FaultedSession {
        try await FaultedSession.connect(
            emulator, through: endpoint, retry: RetryPolicy(maxAttempts: 3, maxBackoff: 0.005), secondaries: 1)
    }

    /// Runs the setup (after a clean setup and `drift`, when given) once directly and once through a proxy
    /// that loses the reply to the first `operation`; returns both end states and the proxy.
    private static func compare(
        losing operation: String, after drift: Drift? = nil, rule: FaultProxy.Rule? = nil
    ) async throws -> (expected: SetupSnapshot, actual: SetupSnapshot, proxy: FaultProxy) {
        let emulator = try #require(Emulator.current)
        let direct = try await session(emulator, through: emulator.endpoint)
        let proxy = try FaultProxy(
            upstream: emulator.endpoint, rule: rule ?? FaultProxy.once(.dropAfterForwarding, operation: operation))
        let faulted = try await session(emulator, through: proxy.baseURL)
        var snapshots: [SetupSnapshot] = []
        for session in [direct, faulted] {
            let run = ProcedureRun()
            if let drift {
                _ = try await run.run(direct)
                try await drift.apply(to: run, in: direct)
            }
            let reports = try await run.run(session)
            #expect(reports.flatMap(\.secrets).count == (drift == nil ? 1 : 0))
            snapshots.append(try await SetupSnapshot.read(run, in: direct))
        }
        proxy.stop()
        return (snapshots[0], snapshots[1], proxy)
    }

    /// Asserts that the reply to `operation` was lost once and the operation was sent again or its effect
    /// read back.
    private static func expectLost(_ operation: String, in proxy: FaultProxy) {
        #expect(proxy.counts == [.dropAfterForwarding: 1], "the reply to \(operation) was lost once")
        let lost = proxy.log.first { $0.fault != nil }?.request
        #expect(lost?.operation == operation)
        let later = proxy.log.filter { $0.request.index > (lost?.index ?? .max) }
        #expect(!later.isEmpty, "the run went on after losing the reply to \(operation)")
    }

    @Test(arguments: setupOperations)
    func aLostReplyDuringTheSetupConverges(operation: String) async throws {
        let (expected, actual, proxy) = try await Self.compare(losing: operation)

        Self.expectLost(operation, in: proxy)
        #expect(actual == expected)
    }

    @Test(arguments: driftOperations)
    func aLostReplyDuringARepairConverges(operation: String, drift: Drift) async throws {
        let (expected, actual, proxy) = try await Self.compare(losing: operation, after: drift)

        Self.expectLost(operation, in: proxy)
        #expect(actual == expected)
    }

    @Test func aLostReplyToDeletingAKeyWhoseSecretWasLostConverges() async throws {
        let lostCreate = FaultProxy.once(.dropAfterForwarding, operation: "CreateAccessKey")
        let lostDelete = FaultProxy.once(.dropAfterForwarding, operation: "DeleteAccessKey")
        let (expected, actual, proxy) = try await Self.compare(
            losing: "CreateAccessKey", rule: { lostCreate($0) ?? lostDelete($0) })

        #expect(proxy.counts == [.dropAfterForwarding: 2])
        #expect(proxy.log.filter { $0.request.operation == "DeleteAccessKey" }.count == 2)
        #expect(actual == expected)
    }
}
