import AWS
import Services
import TestSupport
import Testing

@testable import CrossAccount

@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct TrailActionsTests {
    @Test func createsThenLeavesAloneThenUpdatesDriftedSelectors() async throws {
        let harness = try ActionHarness.primary()
        let bucket = ActionHarness.uniqueBucket("trail")
        let name = "trail-\(Emulator.uniqueSuffix())"
        _ = try await BucketActions.ensureBucket(name: bucket, cloudTrail: true, context: harness.apply)

        harness.resetCalls()
        let first = try await TrailActions.ensureTrail(
            name: name, bucket: bucket, allRegions: true, dataEvents: .all, context: harness.apply)
        #expect(first.outcome == .created)
        // The data events and the start are sent at once, after the create.
        #expect(harness.mutatingCalls.first == "cloudtrail:CreateTrail")
        #expect(
            Set(harness.mutatingCalls.dropFirst()) == ["cloudtrail:PutEventSelectors", "cloudtrail:StartLogging"]
                && harness.mutatingCalls.count == 3)
        let status = try await TrailActions.trailStatus(name: name, context: harness.apply)
        #expect(status.fields.first == Report.Field("logging", "yes"))

        harness.resetCalls()
        let second = try await TrailActions.ensureTrail(
            name: name, bucket: bucket, allRegions: true, dataEvents: .all, context: harness.apply)
        #expect(second.outcome == .unchanged)
        #expect(harness.mutatingCalls.isEmpty)

        let buckets = DataEvents.buckets(["b-one", "b-two"])
        let plan = try await TrailActions.ensureTrail(
            name: name, bucket: bucket, allRegions: false, dataEvents: buckets, context: harness.plan)
        #expect(plan.outcome == .wouldUpdate)
        #expect(plan.calls == ["cloudtrail:UpdateTrail \(name)", "cloudtrail:PutEventSelectors \(name)"])
        #expect(harness.mutatingCalls.isEmpty)

        let drifted = try await TrailActions.ensureTrail(
            name: name, bucket: bucket, allRegions: true, dataEvents: buckets, context: harness.apply)
        #expect(drifted.outcome == .updated)
        #expect(harness.mutatingCalls == ["cloudtrail:PutEventSelectors"])
        let shown = try await TrailActions.showTrail(name: name, context: harness.apply)
        #expect(shown.fields.contains { $0.name == "data events" && $0.value.contains("arn:aws:s3:::b-two/") })
        #expect(shown.fields.contains(Report.Field("all regions", "yes")))
    }

    @Test func selectorComparisonIgnoresOrder() {
        let lhs = DataEvents.buckets(["a", "b"]).selectors()
        let rhs = [
            EventSelector(dataResources: [
                DataResource(type: "AWS::S3::Object", values: ["arn:aws:s3:::b/", "arn:aws:s3:::a/"])
            ])
        ]
        #expect(DataEvents.sameEvents(lhs, rhs))
        #expect(!DataEvents.sameEvents(lhs, DataEvents.all.selectors()))
        #expect(DataEvents.all.values(partition: "aws-cn") == ["arn:aws-cn:s3"])
    }

    @Test func refusedBucketPolicyNamesTheNextStep() throws {
        let harness = try ActionHarness.primary()
        let error = AWSError.service(
            ServiceError(
                service: .cloudtrail, operation: "CreateTrail", status: 400,
                code: "InsufficientS3BucketPolicyException", message: "Incorrect S3 bucket policy"))
        let hint = TrailActions.hintFor(error, trail: "t", bucket: "logs", context: harness.apply)
        #expect(hint == "run: bucket allow-prefix logs \(harness.account.id)")
        let exists = AWSError.service(
            ServiceError(
                service: .cloudtrail, operation: "CreateTrail", status: 400, code: "TrailAlreadyExistsException",
                message: ""))
        #expect(
            TrailActions.hintFor(exists, trail: "my-trail", bucket: nil, context: harness.apply)?.contains("my-trail")
                == true)
    }
}
