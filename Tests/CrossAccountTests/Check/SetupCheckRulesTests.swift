import Foundation
import Locking
import Services
import Testing

@testable import CrossAccount

/// The rules `check` applies to what it reads, over documents and replies written out here.
struct SetupCheckRulesTests {
    /// An `EventSelectorsReply` decoded from the JSON CloudTrail answers.
    static func reply(_ json: String) throws -> EventSelectorsReply {
        try JSONDecoder().decode(EventSelectorsReply.self, from: Data(json.utf8))
    }

    /// A classic selector recording S3 object events of `values`.
    static func classic(_ values: [String]) throws -> EventSelectorsReply {
        let list = values.map { "\"\($0)\"" }.joined(separator: ",")
        return try reply(
            #"{"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"#
                + #""DataResources":[{"Type":"AWS::S3::Object","Values":[\#(list)]}]}]}"#)
    }

    @Test(arguments: [["arn:aws:s3"], ["arn:aws:s3:::"]])
    func allBucketsAcceptsEitherSpelling(_ values: [String]) throws {
        let detail = try DataEvents.all.require(
            in: Self.classic(values), trail: "t", partition: "aws")
        #expect(detail == "S3 data events of all buckets")
    }

    @Test func allBucketsAcceptsAnAdvancedSelector() throws {
        let reply = try Self.reply(
            #"{"AdvancedEventSelectors":[{"Name":"s3","FieldSelectors":["#
                + #"{"Field":"eventCategory","Equals":["Data"]},"#
                + #"{"Field":"resources.type","Equals":["AWS::S3::Object"]}]}]}"#)
        #expect(throws: Never.self) {
            try DataEvents.all.require(in: reply, trail: "t", partition: "aws")
        }
    }

    @Test func allBucketsRejectsNoSelectorsAndAListOfBuckets() throws {
        let none = try Self.reply(#"{"EventSelectors":[]}"#)
        let error = #expect(throws: CheckProblem.self) {
            try DataEvents.all.require(in: none, trail: "t", partition: "aws")
        }
        #expect(error?.description == "trail t: S3 data events is none, expected arn:aws:s3 or arn:aws:s3:::")
        let list = try Self.classic(["arn:aws:s3:::one/"])
        #expect(throws: CheckProblem.self) {
            try DataEvents.all.require(in: list, trail: "t", partition: "aws")
        }
    }

    @Test func aBucketListMustMatchExactly() throws {
        let wanted = DataEvents.buckets(["one", "two"])
        #expect(throws: Never.self) {
            try wanted.require(
                in: Self.classic(["arn:aws:s3:::two/", "arn:aws:s3:::one"]), trail: "t", partition: "aws")
        }
        for found in [
            ["arn:aws:s3:::one/"], ["arn:aws:s3:::one/", "arn:aws:s3:::two/", "arn:aws:s3:::three/"], ["arn:aws:s3"],
        ] {
            let error = #expect(throws: CheckProblem.self, "\(found)") {
                try wanted.require(in: Self.classic(found), trail: "t", partition: "aws")
            }
            #expect(error?.description.contains("expected arn:aws:s3:::one/ or arn:aws:s3:::two/") == true)
        }
    }

    /// A bucket policy for `bucket` whose write statement covers `accounts`.
    static func bucketPolicy(accounts: [String], condition: Bool = true) throws -> PolicyDocument {
        let bucket = try BucketName("logs-bucket")
        var write = CloudTrailBucketPolicy.writeStatement(bucket: bucket, accounts: try accounts.map(AccountID.init))
        if !condition { write.condition = nil }
        return PolicyDocument(statements: [CloudTrailBucketPolicy.aclCheckStatement(bucket: bucket), write])
    }

    @Test func theLogsStatementNeedsThePrefixAndTheCondition() throws {
        let account = try AccountID("111122223333")
        let good = try Self.bucketPolicy(accounts: ["111122223333"])
        #expect(throws: Never.self) {
            try SetupCheck.requireLogsWrite(in: good, bucket: "logs-bucket", account: account, partition: "aws")
        }
        #expect(throws: Never.self) {
            try SetupCheck.requireACLCheck(in: good, bucket: "logs-bucket", partition: "aws")
        }
        for bad in [
            try Self.bucketPolicy(accounts: ["444455556666"]),
            try Self.bucketPolicy(accounts: ["111122223333"], condition: false),
        ] {
            let error = #expect(throws: CheckProblem.self) {
                try SetupCheck.requireLogsWrite(in: bad, bucket: "logs-bucket", account: account, partition: "aws")
            }
            #expect(error?.description.contains("AWSLogs/111122223333/*") == true)
        }
    }

    @Test func aWildcardResourceCoversTheLogsPrefix() throws {
        var policy = try Self.bucketPolicy(accounts: [])
        var statements = policy.statements
        statements[1].resources = ["arn:aws:s3:::logs-bucket/AWSLogs/*"]
        policy.statements = statements
        #expect(throws: Never.self) {
            try SetupCheck.requireLogsWrite(
                in: policy, bucket: "logs-bucket", account: AccountID("111122223333"), partition: "aws")
        }
    }

    @Test func theSecondaryPolicyMustHoldExactlyTheScannerStatement() {
        #expect(SetupCheck.isScannerStatement(ScannerPolicy.actionsStatement))
        var fewer = ScannerPolicy.actionsStatement
        fewer.actions = Array(ScannerPolicy.actions.dropLast())
        #expect(!SetupCheck.isScannerStatement(fewer))
        var narrower = ScannerPolicy.actionsStatement
        narrower.resources = ["arn:aws:s3:::one"]
        #expect(!SetupCheck.isScannerStatement(narrower))
    }

    @Test func jobsRunBoundedAndResultsKeepTheirOrder() async {
        let running = Locked((now: 0, most: 0))
        let jobs: [@Sendable () async -> CheckFindings] = (0..<6).map { index in
            {
                running.withLock {
                    $0.now += 1; $0.most = max($0.most, $0.now)
                }
                try? await Task.sleep(for: .milliseconds(20 * (6 - index)))
                running.withLock { $0.now -= 1 }
                return CheckFindings(rows: [CheckRow(account: "a\(index)", item: "i", status: .ok, detail: "")])
            }
        }
        let results = await SetupCheck.runBounded(jobs, limit: 2)
        #expect(results.flatMap(\.rows).map(\.account) == (0..<6).map { "a\($0)" })
        #expect(running.withLock { $0.most } == 2)
    }

    @Test func problemsRenderWithoutSecrets() {
        let key = SetupCheck.ScannerKey(accessKeyID: "AKIAEXAMPLE", secret: "very-secret-value")
        #expect(!"\(key)".contains("very-secret-value"))
        #expect("\(key)".contains("AKIAEXAMPLE"))
    }
}
