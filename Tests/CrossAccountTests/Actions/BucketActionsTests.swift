import AWS
import CrossAccount
import Services
import TestSupport
import Testing

@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct BucketActionsTests {
    @Test func createsThenLeavesTheBucketAndItsCloudTrailPolicyAlone() async throws {
        let harness = try ActionHarness.primary()
        let name = ActionHarness.uniqueBucket("ct")
        let first = try await BucketActions.ensureBucket(name: name, cloudTrail: true, context: harness.apply)
        #expect(first.outcome == .created)
        #expect(harness.mutatingCalls == ["s3:CreateBucket", "s3:PutBucketPolicy"])
        let policy = try #require(try await harness.s3().getBucketPolicy(bucket: name))
        #expect(policy.contains("arn:aws:s3:::\(name)/AWSLogs/\(harness.account.id)/*"))
        #expect(policy.contains("bucket-owner-full-control"))

        harness.resetCalls()
        let second = try await BucketActions.ensureBucket(name: name, cloudTrail: true, context: harness.apply)
        #expect(second.outcome == .unchanged)
        #expect(harness.mutatingCalls.isEmpty)
    }

    @Test func planningANewBucketSendsNothing() async throws {
        let harness = try ActionHarness.primary()
        let name = ActionHarness.uniqueBucket("plan")
        let report = try await BucketActions.ensureBucket(name: name, cloudTrail: true, context: harness.plan)
        #expect(report.outcome == .wouldCreate)
        #expect(report.calls == ["s3:CreateBucket \(name)", "s3:PutBucketPolicy \(name)"])
        #expect(report.diff.contains { $0.hasPrefix("+ ") && $0.contains("AWSLogs/\(harness.account.id)/*") })
        #expect(harness.mutatingCalls.isEmpty)
        #expect(try await harness.s3().headBucket(name: name).exists == false)
    }

    @Test func existingBucketWithoutPolicyIsUpdated() async throws {
        let harness = try ActionHarness.primary()
        let name = ActionHarness.uniqueBucket("drift")
        try await harness.s3().createBucket(name: name)
        harness.resetCalls()
        let report = try await BucketActions.ensureBucket(name: name, cloudTrail: true, context: harness.apply)
        #expect(report.outcome == .updated)
        #expect(harness.mutatingCalls == ["s3:PutBucketPolicy"])
    }

    @Test func bucketOfAnotherAccountIsRefused() async throws {
        let primary = try ActionHarness.primary()
        let secondary = try await ActionHarness.secondary(0)
        let name = ActionHarness.uniqueBucket("foreign")
        try await secondary.s3().createBucket(name: name)
        let error = await #expect(throws: ActionError.self) {
            try await BucketActions.ensureBucket(name: name, cloudTrail: false, context: primary.apply)
        }
        guard case .bucketOwnedElsewhere(let bucket, _) = error else {
            Issue.record("expected bucketOwnedElsewhere, got \(String(describing: error))")
            return
        }
        #expect(bucket == name)
        #expect(primary.mutatingCalls.isEmpty)
    }

    @Test func allowAndRevokeKeepForeignStatements() async throws {
        let harness = try ActionHarness.primary()
        let name = ActionHarness.uniqueBucket("keep")
        let s3 = try harness.s3()
        try await s3.createBucket(name: name)
        let foreign = """
            {"Version":"2012-10-17","Statement":[{"Sid":"Theirs","Effect":"Deny","Principal":"*",\
            "Action":"s3:DeleteBucket","Resource":"arn:aws:s3:::\(name)"}]}
            """
        try await s3.putBucketPolicy(bucket: name, policy: foreign)
        let accounts = try ["111111111111", "222222222222"].map(AccountID.init)

        harness.resetCalls()
        let plan = try await BucketActions.allowPrefixes(bucket: name, accounts: accounts, context: harness.plan)
        #expect(plan.outcome == .wouldUpdate)
        #expect(plan.calls == ["s3:PutBucketPolicy \(name)"])
        #expect(plan.diff.contains { $0.hasPrefix("+ ") && $0.contains("AWSLogs/222222222222/*") })
        #expect(harness.mutatingCalls.isEmpty)

        let allowed = try await BucketActions.allowPrefixes(bucket: name, accounts: accounts, context: harness.apply)
        #expect(allowed.outcome == .updated)
        var policy = try PolicyDocument(parsing: try #require(try await s3.getBucketPolicy(bucket: name)))
        #expect(policy.statements.contains { $0.sid == "Theirs" && $0.effect == "Deny" })
        #expect(policy.statements.flatMap(\.resources).contains("arn:aws:s3:::\(name)/AWSLogs/111111111111/*"))

        harness.resetCalls()
        let again = try await BucketActions.allowPrefixes(bucket: name, accounts: accounts, context: harness.apply)
        #expect(again.outcome == .unchanged)
        #expect(harness.mutatingCalls.isEmpty)

        let revoked = try await BucketActions.revokePrefixes(
            bucket: name, accounts: [accounts[0]], context: harness.apply)
        #expect(revoked.outcome == .updated)
        policy = try PolicyDocument(parsing: try #require(try await s3.getBucketPolicy(bucket: name)))
        let resources = policy.statements.flatMap(\.resources)
        #expect(!resources.contains("arn:aws:s3:::\(name)/AWSLogs/111111111111/*"))
        #expect(resources.contains("arn:aws:s3:::\(name)/AWSLogs/222222222222/*"))
        #expect(policy.statements.contains { $0.sid == "Theirs" })

        let shown = try await BucketActions.showBucketPolicy(bucket: name, context: harness.apply)
        #expect(shown.diff.contains { $0.contains("\"Theirs\"") })
    }

    @Test func oversizedPolicyIsRefusedBeforeWriting() async throws {
        let harness = try ActionHarness.primary()
        let name = ActionHarness.uniqueBucket("big")
        try await harness.s3().createBucket(name: name)
        let accounts = try (0..<400).map { try AccountID(String(300_000_000_000 + $0)) }
        harness.resetCalls()
        let error = await #expect(throws: ActionError.self) {
            try await BucketActions.allowPrefixes(bucket: name, accounts: accounts, context: harness.apply)
        }
        guard case .policy(_, _, .bucketPolicyTooLarge) = error else {
            Issue.record("expected bucketPolicyTooLarge, got \(String(describing: error))")
            return
        }
        #expect(harness.mutatingCalls.isEmpty)
    }
}
