import AWS
import Foundation

/// AWS CloudTrail through its JSON 1.1 API.
public struct CloudTrail: Sendable {
    /// The `X-Amz-Target` prefix of every operation.
    static let target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101"
    /// The underlying client.
    public let client: AWSClient

    /// Wraps a client for the `cloudtrail` service.
    public init(client: AWSClient) {
        self.client = client
    }

    private func call<Input: Encodable, Output: Decodable>(
        _ operation: String, _ input: Input, _ output: Output.Type, mutating: Bool
    ) async throws(AWSError) -> Output {
        try await client.json(
            target: Self.target, operation: operation, input: input, output: output, isMutating: mutating)
    }

    /// `CreateTrail`.
    /// - Throws: `AWSError` (`TrailAlreadyExistsException`, `InsufficientS3BucketPolicyException`,
    ///   `MaximumNumberOfTrailsExceededException`, `S3BucketDoesNotExistException`).
    public func createTrail(_ settings: TrailSettings) async throws(AWSError) -> Trail {
        try await call("CreateTrail", settings, Trail.self, mutating: true)
    }

    /// `UpdateTrail`.
    /// - Throws: `AWSError`.
    public func updateTrail(_ settings: TrailSettings) async throws(AWSError) -> Trail {
        try await call("UpdateTrail", settings, Trail.self, mutating: true)
    }

    /// `DescribeTrails` for the given names or ARNs (all trails when empty).
    ///
    /// Only the named trails are returned even from an endpoint that ignores `trailNameList`
    /// and lists every trail (moto does).
    /// - Throws: `AWSError`.
    public func describeTrails(names: [String] = []) async throws(AWSError) -> [Trail] {
        struct Input: Encodable {
            var trailNameList: [String]
            var includeShadowTrails: Bool
        }
        struct Output: Decodable { var trailList: [Trail]? }
        let trails =
            try await call(
                "DescribeTrails", Input(trailNameList: names, includeShadowTrails: false), Output.self, mutating: false
            ).trailList ?? []
        guard !names.isEmpty else { return trails }
        return trails.filter { trail in names.contains { $0 == trail.name || $0 == trail.arn } }
    }

    /// `GetTrail`, or nil when there is no such trail.
    /// - Throws: `AWSError` other than `TrailNotFoundException`.
    public func getTrail(name: String) async throws(AWSError) -> Trail? {
        struct Output: Decodable {
            var trail: Trail?
            enum CodingKeys: String, CodingKey { case trail = "Trail" }
        }
        do {
            return try await call("GetTrail", NameInput(name: name), Output.self, mutating: false).trail
        } catch let error where error.code == "TrailNotFoundException" {
            return nil
        }
    }

    /// `PutEventSelectors`.
    /// - Throws: `AWSError` (`InvalidEventSelectorsException`).
    public func putEventSelectors(trailName: String, selectors: [EventSelector]) async throws(AWSError) {
        struct Input: Encodable {
            var trailName: String
            var eventSelectors: [EventSelector]
            enum CodingKeys: String, CodingKey { case trailName = "TrailName", eventSelectors = "EventSelectors" }
        }
        _ = try await call(
            "PutEventSelectors", Input(trailName: trailName, eventSelectors: selectors), EventSelectorsReply.self,
            mutating: true)
    }

    /// `GetEventSelectors`.
    /// - Throws: `AWSError`.
    public func getEventSelectors(trailName: String) async throws(AWSError) -> EventSelectorsReply {
        return try await call(
            "GetEventSelectors", TrailNameInput(trailName: trailName), EventSelectorsReply.self, mutating: false)
    }

    /// `StartLogging` (by trail name: the emulator refuses an ARN).
    /// - Throws: `AWSError`.
    public func startLogging(name: String) async throws(AWSError) {
        _ = try await call("StartLogging", NameInput(name: name), Empty.self, mutating: true)
    }

    /// `GetTrailStatus`.
    /// - Throws: `AWSError`.
    public func getTrailStatus(name: String) async throws(AWSError) -> TrailStatus {
        try await call("GetTrailStatus", NameInput(name: name), TrailStatus.self, mutating: false)
    }

    private struct NameInput: Encodable {
        var name: String
        enum CodingKeys: String, CodingKey { case name = "Name" }
    }

    private struct TrailNameInput: Encodable {
        var trailName: String
        enum CodingKeys: String, CodingKey { case trailName = "TrailName" }
    }
    private struct Empty: Decodable {}
}
