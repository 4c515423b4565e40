import CrossAccount
import Foundation
import Testing

@testable import Shell

/// Runbooks: real AWS CLI commands with their arguments and documents, grouped per command and
/// per account of an `each` block, without secrets.
@Suite struct UXRunbookTests {
    static let primary = AccountFacts(id: "123456789012", partition: "aws", region: "us-east-1")
    static let secondary = AccountFacts(id: "111111111111", partition: "aws", region: "eu-west-1")
    let equivalent = AWSCLIEquivalent(account: UXRunbookTests.primary)

    @Test func roleCallsBecomeCLICommandsWithTheTrustDocument() {
        let report = Report(
            command: "role create", account: "sec1", resource: "scan-role", outcome: .created,
            diff: ["+ {", "+   \"Version\": \"2012-10-17\"", "+ }"],
            calls: ["iam:CreateRole scan-role", "iam:AttachRolePolicy scan-policy"])
        let commands = AWSCLIEquivalent(account: Self.secondary).commands(
            for: report, typed: "role create scan-role --trust primary --policy scan-policy")
        #expect(
            commands.map(\.text) == [
                "aws iam create-role --role-name scan-role --assume-role-policy-document "
                    + "file://scan-role-trust-policy.json",
                "aws iam attach-role-policy --role-name scan-role "
                    + "--policy-arn arn:aws:iam::111111111111:policy/scan-policy",
            ])
        #expect(
            commands[0].document
                == CLICommand.Document(
                    fileName: "scan-role-trust-policy.json", text: "{\n  \"Version\": \"2012-10-17\"\n}"))
        #expect(commands[1].document == nil)
    }

    @Test func anUpdatedDocumentIsTheNewSideOfTheDiff() {
        let report = Report(
            command: "policy create", resource: "p", outcome: .updated,
            diff: ["  {", "-   \"a\": 1", "+   \"a\": 2", "  }"],
            calls: ["iam:DeletePolicyVersion p v1", "iam:CreatePolicyVersion p"])
        let commands = equivalent.commands(for: report, typed: "policy create p --file p.json")
        #expect(
            commands.map(\.text) == [
                "aws iam delete-policy-version --policy-arn arn:aws:iam::123456789012:policy/p --version-id v1",
                "aws iam create-policy-version --policy-arn arn:aws:iam::123456789012:policy/p "
                    + "--policy-document file://p.json --set-as-default",
            ])
        #expect(commands[1].document?.text == "{\n  \"a\": 2\n}")
    }

    @Test func trailAndBucketCallsCarryTheirSettings() {
        let trail = Report(
            command: "trail create", resource: "t", outcome: .created,
            fields: [.init("bucket", "b1"), .init("all regions", "yes"), .init("data events", "buckets x, y")],
            calls: ["cloudtrail:CreateTrail t", "cloudtrail:PutEventSelectors t", "cloudtrail:StartLogging t"])
        #expect(
            equivalent.commands(for: trail, typed: "trail create t --bucket b1 --all-regions").map(\.text) == [
                "aws cloudtrail create-trail --name t --s3-bucket-name b1 --is-multi-region-trail --region us-east-1",
                "aws cloudtrail put-event-selectors --trail-name t --event-selectors '[{\"ReadWriteType\":\"All\","
                    + "\"IncludeManagementEvents\":true,\"DataResources\":[{\"Type\":\"AWS::S3::Object\","
                    + "\"Values\":[\"arn:aws:s3:::x/\",\"arn:aws:s3:::y/\"]}]}]' --region us-east-1",
                "aws cloudtrail start-logging --name t --region us-east-1",
            ])
        let bucket = Report(
            command: "bucket create", resource: "b2", outcome: .created, fields: [.init("region", "eu-west-1")],
            diff: ["+ {}"], calls: ["s3:CreateBucket b2", "s3:PutBucketPolicy b2"])
        #expect(
            equivalent.commands(for: bucket, typed: "bucket create b2 --cloudtrail").map(\.text) == [
                "aws s3api create-bucket --bucket b2 --region eu-west-1 "
                    + "--create-bucket-configuration LocationConstraint=eu-west-1",
                "aws s3api put-bucket-policy --bucket b2 --policy file://b2-bucket-policy.json",
            ])
        let user = Report(command: "policy primary", resource: "p", calls: ["iam:AttachUserPolicy p"])
        #expect(
            equivalent.command(for: "iam:AttachUserPolicy p", report: user, typed: "policy create p --user scanner")
                .text
                == "aws iam attach-user-policy --user-name scanner --policy-arn arn:aws:iam::123456789012:policy/p")
    }

    @Test func runbookHasASectionPerCommandAndAPartPerAccountOfABlock() {
        var history = HistoryRecorder()
        history.record(
            text: "bucket create b --cloudtrail", account: "primary",
            report: Report(
                command: "bucket create", account: "primary", resource: "b", outcome: .created,
                changes: ["created bucket b in us-east-1"], diff: ["+ {}"],
                calls: ["s3:CreateBucket b", "s3:PutBucketPolicy b"]),
            succeeded: true)
        history.stage(Report(command: "user create", account: "primary", resource: "u", outcome: .unchanged))
        history.record(
            text: "user create u --access-key", account: "primary",
            report: Report(
                command: "user access-key", account: "primary", resource: "u", outcome: .created,
                fields: [.init("access key id", "AKIAEXAMPLE")], calls: ["iam:CreateAccessKey u"],
                secrets: [.init("secret access key", "SeCrEt/123456")]),
            succeeded: true)
        let block = history.startBlock()
        history.record(
            text: "role create r --trust primary", account: "sec1",
            report: Report(
                command: "role create", account: "sec1", resource: "r", outcome: .unchanged), succeeded: true,
            block: block)
        history.record(
            text: "role create r --trust primary", account: "sec2", report: nil, succeeded: false, block: block)
        history.recordBlock(
            text: "each sec1 sec2 {\n    role create r --trust primary\n}", block: block, enclosing: nil,
            succeeded: false)

        let runbook = Runbook(
            accounts: ["primary": Self.primary, "sec1": Self.secondary], date: Date(timeIntervalSince1970: 0))
        let text = runbook.markdown(history.entries)
        #expect(text.hasPrefix("# s3x runbook\n\nRecorded 1970-01-01T00:00:00Z: 3 commands."))
        #expect(text.contains("| primary | 123456789012 | us-east-1 |\n| sec1 | 111111111111 | eu-west-1 |\n"))
        #expect(text.contains("| sec2 | ACCOUNT_ID | REGION |"))
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(
            headings == [
                "# s3x runbook", "## 1. `bucket create b --cloudtrail`", "## 2. `user create u --access-key`",
                "## 3. `each sec1 sec2 {`", "### sec1: `role create r --trust primary`",
                "### sec2: `role create r --trust primary`",
            ])
        #expect(
            text.contains(
                "```sh\naws s3api create-bucket --bucket b\n"
                    + "aws s3api put-bucket-policy --bucket b --policy file://b-bucket-policy.json\n```"))
        #expect(text.contains("`b-bucket-policy.json`:\n\n```json\n{}\n```"))
        #expect(text.contains("- `user create u`: **unchanged**\n- `user access-key u`: **created**"))
        #expect(text.contains("aws iam create-access-key --user-name u"))
        #expect(!text.contains("SeCrEt/123456"))
        #expect(text.contains("Nothing to change."))
        #expect(text.contains("**Failed.**"))
        #expect(history.shownSecrets == ["SeCrEt/123456"])
    }

    @Test func aBlockIsSavedOnceAndItsCommandsAreItsSteps() {
        var history = HistoryRecorder()
        history.record(text: "set x 1", account: nil, report: nil, succeeded: true)
        let block = history.startBlock()
        history.record(text: "whoami", account: "sec1", report: nil, succeeded: true, block: block)
        history.record(text: "whoami", account: "sec2", report: nil, succeeded: true, block: block)
        history.recordBlock(text: "each sec1 sec2 {\n    whoami\n}", block: block, enclosing: nil, succeeded: true)
        #expect(history.entries.map(\.text) == ["set x 1", "each sec1 sec2 {\n    whoami\n}"])
        #expect(history.entries[1].steps.map(\.account) == ["sec1", "sec2"])
    }

    /// Commands typed while a block runs in the background are recorded after it, where it started,
    /// whenever it finishes; nested blocks are steps of their block.
    @Test func aBackgroundBlockKeepsItsPlaceAmongTheCommandsRunMeanwhile() {
        var history = HistoryRecorder()
        history.record(text: "set x 1", account: nil, report: nil, succeeded: true)
        let background = history.startBlock()
        history.record(text: "whoami", account: "sec1", report: nil, succeeded: true, block: background)
        history.record(text: "bucket create b", account: "primary", report: nil, succeeded: true)
        let nested = history.startBlock()
        history.record(text: "whoami", account: "sec3", report: nil, succeeded: true, block: nested)
        history.recordBlock(text: "each sec3 {\n    whoami\n}", block: nested, enclosing: background, succeeded: true)
        history.record(text: "whoami", account: "sec2", report: nil, succeeded: true, block: background)
        history.record(text: "wait", account: nil, report: nil, succeeded: true)
        history.recordBlock(
            text: "each sec1 sec2 --background {\n    whoami\n}", block: background, enclosing: nil, succeeded: true)

        #expect(
            history.entries.map(\.text) == [
                "set x 1", "each sec1 sec2 --background {\n    whoami\n}", "bucket create b", "wait",
            ])
        #expect(history.entries[1].steps.map(\.text) == ["whoami", "each sec3 {\n    whoami\n}", "whoami"])
        #expect(history.entries[1].steps[1].steps.map(\.account) == ["sec3"])
    }
}
