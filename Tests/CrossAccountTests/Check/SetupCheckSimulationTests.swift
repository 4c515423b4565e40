import AWS
import CrossAccount
import Foundation
import HTTP
import Services
import TestSupport
import Testing

/// The proof without the scanner's key, through a proxy in front of moto that answers IAM's
/// `SimulatePrincipalPolicy` (moto does not implement it), and the bucket-ownership rule.
@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct SetupCheckSimulationTests {
    let emulator: Emulator

    init() throws {
        emulator = try #require(Emulator.current)
    }

    /// The form fields of a query-protocol request body.
    static func form(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            let decode = { (text: String) in
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// A `SimulatePrincipalPolicy` reply deciding each requested role: denied when it names `deniedAccount`.
    static func simulation(_ request: LoopbackServer.ReceivedRequest, deniedAccount: String) -> LoopbackServer.Reply {
        let fields = form(request.bodyText)
        let roles = fields.filter { $0.key.hasPrefix("ResourceArns.member.") }.map(\.value).sorted()
        let members = roles.map { role in
            let decision = role.contains(":\(deniedAccount):") ? "implicitDeny" : "allowed"
            return "<member><EvalActionName>sts:AssumeRole</EvalActionName><EvalResourceName>\(role)"
                + "</EvalResourceName><EvalDecision>\(decision)</EvalDecision></member>"
        }
        let xml =
            "<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
            + "<SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>"
            + members.joined() + "</EvaluationResults></SimulatePrincipalPolicyResult>"
            + "<ResponseMetadata><RequestId>simulated</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>"
        return .text(200, xml, headers: HTTPHeaders([("Content-Type", "text/xml")]))
    }

    @Test func withoutTheKeyIAMSimulationDecidesEachProof() async throws {
        let setup = try await CheckSetup.build(emulator)
        let denied = setup.secondaries[1].id.value
        let upstream = emulator.endpoint
        let proxy = try LoopbackServer { request in
            request.bodyText.contains("Action=SimulatePrincipalPolicy")
                ? Self.simulation(request, deniedAccount: denied) : .forward(to: upstream)
        }
        defer { proxy.stop() }
        var check = setup.check()
        check.primary.factory = ClientFactory(
            context: ClientContext(transport: try CurlTransport()),
            endpoints: EndpointResolver(commandLineURL: proxy.baseURL, environment: Environment([:])))
        let report = await check.run()

        let proofs = (report.table?.rows ?? []).filter { $0[1] == "proof: assume role" }
        #expect(proofs.map { [$0[0], $0[2]] } == [["sec1", "ok"], ["sec2", "FAIL"]])
        #expect(proofs.first?[3].contains("IAM policy simulation allows") == true)
        #expect(proofs.last?[3].contains("implicitDeny") == true)
        #expect(!report.succeeded)
    }

    @Test func aBucketOfAnotherAccountFailsTheBucketRow() async throws {
        let setup = try await CheckSetup.build(emulator)
        let foreign = "s3x-check-foreign-\(Emulator.uniqueSuffix())"
        try await setup.secondaries[0].s3().createBucket(name: foreign)
        var names = setup.names
        names.bucketOverride = foreign
        var check = setup.check()
        check.names = names
        let report = await check.run()

        let bucket = (report.table?.rows ?? []).first { $0[1] == "bucket" }
        #expect(bucket?[2] == "FAIL")
        #expect(bucket?[3] == "bucket \(foreign) exists but account \(setup.primary.id) does not own it")
        #expect(!report.succeeded)
    }
}
