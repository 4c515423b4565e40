import AWS
import Foundation
import Services
import TestSupport
import Testing

@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct CloudTrailTests {
    let emulator: Emulator

    init() throws { emulator = try #require(Emulator.current, Emulator.skipReason) }

    @Test func trailLifecycle() async throws {
        let factory = try emulator.factory()
        let credentials = StaticCredentialProvider(emulator.adminCredentials)
        let s3 = try factory.s3(region: emulator.region, credentials: credentials)
        let trails = try factory.cloudTrail(region: emulator.region, credentials: credentials)
        let suffix = Emulator.uniqueSuffix()
        let bucket = "s3x-trail-\(suffix)"
        try await s3.createBucket(name: bucket)

        let name = "trail-\(suffix)"
        #expect(try await trails.getTrail(name: name) == nil)
        let created = try await trails.createTrail(TrailSettings(name: name, bucket: bucket, isMultiRegion: true))
        #expect(created.name == name)
        #expect(created.isMultiRegion == true)
        #expect(try await trails.getTrail(name: name)?.bucket == bucket)
        #expect(try await trails.describeTrails(names: [name]).map(\.name) == [name])

        var settings = TrailSettings(name: name, bucket: bucket, isMultiRegion: false)
        settings.includeGlobalServiceEvents = false
        #expect(try await trails.updateTrail(settings).isMultiRegion == false)

        let selector = EventSelector(dataResources: [DataResource(type: "AWS::S3::Object", values: ["arn:aws:s3"])])
        try await trails.putEventSelectors(trailName: name, selectors: [selector])
        let reply = try await trails.getEventSelectors(trailName: name)
        #expect(reply.eventSelectors?.first?.dataResources == selector.dataResources)

        #expect(try await trails.getTrailStatus(name: name).isLogging == false)
        try await trails.startLogging(name: name)
        #expect(try await trails.getTrailStatus(name: name).isLogging)
    }

    @Test func statusOfMissingTrailIsAnError() async throws {
        let trails = try emulator.factory().cloudTrail(
            region: emulator.region, credentials: StaticCredentialProvider(emulator.adminCredentials))
        let error = await #expect(throws: AWSError.self) {
            try await trails.getTrailStatus(name: "missing-\(Emulator.uniqueSuffix())")
        }
        #expect(error?.code == "TrailNotFoundException")
    }
}
