import AWS
import Foundation
import HTTP
import Testing

/// `AWSClient.json` (CloudTrail's JSON 1.1) and the protocol's decoding rules.
@Suite struct JSONProtocolTests {
    struct Empty: Codable {}

    struct TrailStatus: Decodable {
        var IsLogging: Bool
        var LatestDeliveryTime: Date?
    }

    struct Trail: Decodable {
        var Name: String
        var IsMultiRegionTrail: Bool
    }

    struct Trails: Decodable {
        var trailList: [Trail]
    }

    private static func call<Output: Decodable>(
        _ reply: ScriptedTransport.Reply, _ output: Output.Type, transport: ScriptedTransport? = nil
    ) async throws(AWSError) -> Output {
        let client = Fixtures.client(transport ?? ScriptedTransport([reply]), service: .cloudtrail)
        return try await client.json(
            target: "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", operation: "GetTrailStatus",
            input: Empty(), output: output, isMutating: false)
    }

    private static func reason(of error: AWSError?) -> String? {
        guard case .malformedResponse(_, _, _, let reason) = error else { return nil }
        return reason
    }

    @Test func sendsTheTargetAndDecodesEpochTimestamps() async throws {
        let transport = ScriptedTransport([.status(200, #"{"IsLogging":true,"LatestDeliveryTime":1796325308.25}"#)])
        let status = try await Self.call(.status(200), TrailStatus.self, transport: transport)
        #expect(status.IsLogging)
        #expect(status.LatestDeliveryTime == Date(timeIntervalSince1970: 1_796_325_308.25))
        let request = try #require(transport.requests.first)
        #expect(
            request.headers["X-Amz-Target"] == "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.GetTrailStatus")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(request.body == Array("{}".utf8))
    }

    @Test func aStringWhereABoolIsExpectedNamesTheField() async {
        let error = await #expect(throws: AWSError.self) {
            try await Self.call(.status(200, #"{"IsLogging":"true"}"#), TrailStatus.self)
        }
        #expect(Self.reason(of: error) == "IsLogging is not of type Bool")
    }

    @Test func aNestedWrongTypeNamesTheWholePath() async {
        let body = #"{"trailList":[{"Name":"a","IsMultiRegionTrail":true},{"Name":"b","IsMultiRegionTrail":"yes"}]}"#
        let error = await #expect(throws: AWSError.self) { try await Self.call(.status(200, body), Trails.self) }
        #expect(Self.reason(of: error) == "trailList[1].IsMultiRegionTrail is not of type Bool")
    }

    @Test func missingAndNullFieldsAreNamed() async {
        let missing = await #expect(throws: AWSError.self) {
            try await Self.call(.status(200, #"{"trailList":[{"IsMultiRegionTrail":true}]}"#), Trails.self)
        }
        #expect(Self.reason(of: missing) == "trailList[0].Name is missing")
        let null = await #expect(throws: AWSError.self) {
            try await Self.call(.status(200, #"{"IsLogging":null}"#), TrailStatus.self)
        }
        // Foundation reports a null as a type mismatch on Linux and as a missing value on macOS.
        #expect(Self.reason(of: null)?.hasPrefix("IsLogging is ") == true)
    }

    @Test func aTimestampThatIsNeitherANumberNorISO8601IsNamed() async {
        let error = await #expect(throws: AWSError.self) {
            try await Self.call(.status(200, #"{"IsLogging":true,"LatestDeliveryTime":"yesterday"}"#), TrailStatus.self)
        }
        #expect(Self.reason(of: error) == "LatestDeliveryTime: 'yesterday' is not a timestamp")
    }

    @Test func anHTMLPageWithStatus200IsNamedAsSuch() async {
        let error = await #expect(throws: AWSError.self) {
            try await Self.call(.status(200, "<html><body>Sign in</body></html>"), TrailStatus.self)
        }
        #expect(
            Self.reason(of: error) == "an HTML page instead of an AWS reply (the endpoint may not be an AWS service)")
    }

    @Test func truncatedJSONIsAMalformedResponse() async {
        let error = await #expect(throws: AWSError.self) {
            try await Self.call(.status(200, #"{"IsLogging":tr"#), TrailStatus.self)
        }
        #expect(Self.reason(of: error)?.hasPrefix("the top level: ") == true)
    }

    @Test func epochAndISO8601TimestampsDecodeAlike() throws {
        struct Stamp: Decodable { var t: Date }
        let decode = { (json: String) in try JSONProtocol.decoder.decode(Stamp.self, from: Data(json.utf8)).t }
        #expect(try decode(#"{"t":1796325308}"#) == TestClock.reference)
        #expect(try decode(#"{"t":1796325308.5}"#) == TestClock.reference.addingTimeInterval(0.5))
        #expect(try decode(#"{"t":"2026-12-03T19:15:08Z"}"#) == TestClock.reference)
    }
}
