import AWS
import Foundation
import Services
import TestSupport
import Testing

@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct S3Tests {
    let emulator: Emulator

    init() throws { emulator = try #require(Emulator.current, Emulator.skipReason) }

    func s3(region: String? = nil) throws -> S3 {
        try emulator.factory().s3(
            region: region ?? emulator.region, credentials: StaticCredentialProvider(emulator.adminCredentials))
    }

    @Test func bucketLifecycleAndPolicy() async throws {
        let s3 = try s3()
        let bucket = "s3x-test-\(Emulator.uniqueSuffix())"
        #expect(try await s3.headBucket(name: bucket).exists == false)
        try await s3.createBucket(name: bucket)
        #expect(try await s3.headBucket(name: bucket).exists)
        #expect(try await s3.listBuckets().contains(bucket))
        #expect(try await s3.getBucketPolicy(bucket: bucket) == nil)

        let policy = """
            {"Version":"2012-10-17","Statement":[{"Sid":"AWSCloudTrailAclCheck","Effect":"Allow",\
            "Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:GetBucketAcl",\
            "Resource":"arn:aws:s3:::\(bucket)"}]}
            """
        try await s3.putBucketPolicy(bucket: bucket, policy: policy)
        let stored = try #require(try await s3.getBucketPolicy(bucket: bucket))
        let object = try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any]
        #expect((object?["Statement"] as? [[String: Any]])?.first?["Sid"] as? String == "AWSCloudTrailAclCheck")
    }

    @Test func bucketOutsideUSEast1TakesALocationConstraint() async throws {
        let s3 = try s3(region: "eu-west-1")
        let bucket = "s3x-test-eu-\(Emulator.uniqueSuffix())"
        try await s3.createBucket(name: bucket)
        #expect(try await s3.headBucket(name: bucket).region == "eu-west-1")
    }

    @Test func existingBucketIsReported() async throws {
        let s3 = try s3()
        let bucket = "s3x-test-\(Emulator.uniqueSuffix())"
        try await s3.createBucket(name: bucket)
        let error = await #expect(throws: AWSError.self) {
            try await self.s3(region: "eu-west-1").createBucket(name: bucket)
        }
        #expect(["BucketAlreadyOwnedByYou", "BucketAlreadyExists"].contains(error?.code ?? ""))
    }

    @Test func policyOfMissingBucketIsNoSuchBucket() async throws {
        let error = await #expect(throws: AWSError.self) {
            try await self.s3().getBucketPolicy(bucket: "s3x-missing-\(Emulator.uniqueSuffix())")
        }
        #expect(error?.code == "NoSuchBucket")
    }
}
