import CrossAccount
import Foundation

/// Turns the API calls a report lists (`iam:CreateRole NAME`) into the AWS CLI commands that make
/// them, with their real arguments: names, ARNs, regions, and the documents s3x wrote.
///
/// Documents come from the report's `diff`: its `+ ` and unchanged lines are the document as
/// written. Values the report does not carry come from the command as typed (`--user USER`).
struct AWSCLIEquivalent {
    /// The account the command acted in.
    var account: AccountFacts

    /// The CLI commands for every call of `report`, in order; `typed` is the command line as typed.
    func commands(for report: Report, typed: String) -> [CLICommand] {
        report.calls.map { command(for: $0, report: report, typed: typed) }
    }

    /// The CLI command for one call label.
    func command(for call: String, report: Report, typed: String) -> CLICommand {
        let words = call.split(separator: " ").map(String.init)
        let api = words.first ?? call
        let name = words.count > 1 ? words[1] : ""
        let pieces = api.split(separator: ":").map(String.init)
        guard pieces.count == 2 else { return CLICommand(text: "# \(call)") }
        let context = CallContext(report: report, typed: typed, name: name, extra: Array(words.dropFirst(2)))
        switch pieces[0] {
        case "s3": return s3(pieces[1], context)
        case "cloudtrail": return cloudTrail(pieces[1], context)
        case "iam": return iam(pieces[1], context)
        default: return generic(pieces[0], pieces[1], context)
        }
    }

    /// What one call's command line is built from.
    struct CallContext {
        /// The report listing the call.
        var report: Report
        /// The command as typed.
        var typed: String
        /// The call's first argument (the resource name).
        var name: String
        /// Further arguments (e.g. a policy version id).
        var extra: [String]

        /// The value of report field `label`.
        func field(_ label: String) -> String? {
            report.fields.first { $0.name == label }?.value
        }

        /// The value after `--option` in the command as typed.
        func typedOption(_ option: String) -> String? {
            let words = typed.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let index = words.firstIndex(of: "--\(option)"), index + 1 < words.count else { return nil }
            return words[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }

        /// The document as written: the `+ ` and unchanged lines of the diff.
        var writtenDocument: String? {
            let lines = report.diff.filter { !$0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
            return lines.isEmpty ? nil : lines.joined(separator: "\n")
        }

        /// A `file://` argument and its document, named `NAME-SUFFIX.json`.
        func document(_ suffix: String) -> (argument: String, document: CLICommand.Document?) {
            let fileName = "\(name)\(suffix).json"
            return ("file://\(fileName)", writtenDocument.map { CLICommand.Document(fileName: fileName, text: $0) })
        }
    }

    private func s3(_ operation: String, _ call: CallContext) -> CLICommand {
        switch operation {
        case "CreateBucket":
            let region = call.field("region") ?? account.region
            guard region != "us-east-1" else {
                return CLICommand(text: "aws s3api create-bucket --bucket \(call.name)")
            }
            return CLICommand(
                text: "aws s3api create-bucket --bucket \(call.name) --region \(region) "
                    + "--create-bucket-configuration LocationConstraint=\(region)")
        case "PutBucketPolicy":
            let file = call.document("-bucket-policy")
            return CLICommand(
                text: "aws s3api put-bucket-policy --bucket \(call.name) --policy \(file.argument)",
                document: file.document)
        default:
            return generic("s3api", operation, call)
        }
    }

    private func cloudTrail(_ operation: String, _ call: CallContext) -> CLICommand {
        let bucket = call.field("bucket") ?? call.typedOption("bucket") ?? "BUCKET"
        let multiRegion = call.field("all regions").map { $0 == "yes" } ?? call.typed.contains("--all-regions")
        switch operation {
        case "CreateTrail":
            let regions = multiRegion ? " --is-multi-region-trail" : ""
            return CLICommand(
                text: "aws cloudtrail create-trail --name \(call.name) --s3-bucket-name \(bucket)\(regions)"
                    + " --region \(account.region)")
        case "UpdateTrail":
            let regions = multiRegion ? "--is-multi-region-trail" : "--no-is-multi-region-trail"
            return CLICommand(
                text: "aws cloudtrail update-trail --name \(call.name) --s3-bucket-name \(bucket) \(regions)"
                    + " --region \(account.region)")
        case "PutEventSelectors":
            return CLICommand(
                text: "aws cloudtrail put-event-selectors --trail-name \(call.name) --event-selectors '"
                    + eventSelectors(call) + "' --region \(account.region)")
        case "StartLogging":
            return CLICommand(text: "aws cloudtrail start-logging --name \(call.name) --region \(account.region)")
        default:
            return generic("cloudtrail", operation, call)
        }
    }

    private func iam(_ operation: String, _ call: CallContext) -> CLICommand {
        let policyARN = "arn:\(account.partition):iam::\(account.id):policy/\(call.name)"
        switch operation {
        case "CreateUser":
            return CLICommand(text: "aws iam create-user --user-name \(call.name)")
        case "CreateAccessKey":
            return CLICommand(text: "aws iam create-access-key --user-name \(call.name)")
        case "CreatePolicy":
            let file = call.document("")
            return CLICommand(
                text: "aws iam create-policy --policy-name \(call.name) --policy-document \(file.argument)",
                document: file.document)
        case "CreatePolicyVersion":
            let file = call.document("")
            return CLICommand(
                text: "aws iam create-policy-version --policy-arn \(policyARN) --policy-document \(file.argument) "
                    + "--set-as-default",
                document: file.document)
        case "DeletePolicyVersion":
            let version = call.extra.first ?? "VERSION"
            return CLICommand(text: "aws iam delete-policy-version --policy-arn \(policyARN) --version-id \(version)")
        case "AttachUserPolicy":
            let user = call.typedOption("user") ?? "USER"
            return CLICommand(text: "aws iam attach-user-policy --user-name \(user) --policy-arn \(policyARN)")
        case "AttachRolePolicy":
            let role = call.report.command == "role create" ? call.report.resource : call.typedOption("role")
            return CLICommand(
                text: "aws iam attach-role-policy --role-name \(role ?? "ROLE") --policy-arn \(policyARN)")
        case "CreateRole":
            let file = call.document("-trust-policy")
            return CLICommand(
                text: "aws iam create-role --role-name \(call.name) --assume-role-policy-document \(file.argument)",
                document: file.document)
        case "UpdateAssumeRolePolicy":
            let file = call.document("-trust-policy")
            return CLICommand(
                text: "aws iam update-assume-role-policy --role-name \(call.name) --policy-document \(file.argument)",
                document: file.document)
        default:
            return generic("iam", operation, call)
        }
    }

    /// The selectors s3x writes (`DataEvents.selectors`), as the CLI's JSON.
    private func eventSelectors(_ call: CallContext) -> String {
        let summary = call.field("data events") ?? "all S3 buckets"
        let values: [String]
        if summary.hasPrefix("buckets ") {
            values = summary.dropFirst("buckets ".count).split(separator: ",").map {
                "arn:\(account.partition):s3:::\($0.trimmingCharacters(in: .whitespaces))/"
            }
        } else {
            values = ["arn:\(account.partition):s3"]
        }
        let quoted = values.map { "\"\($0)\"" }.joined(separator: ",")
        return "[{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true,"
            + "\"DataResources\":[{\"Type\":\"\(DataEvents.objectType)\",\"Values\":[\(quoted)]}]}]"
    }

    private func generic(_ service: String, _ operation: String, _ call: CallContext) -> CLICommand {
        let arguments = ([call.name] + call.extra).filter { !$0.isEmpty }.joined(separator: " ")
        let suffix = arguments.isEmpty ? "" : "  # \(arguments)"
        return CLICommand(text: "aws \(service) \(Self.kebab(operation))\(suffix)")
    }

    /// `CreatePolicyVersion` -> `create-policy-version`.
    static func kebab(_ operation: String) -> String {
        var result = ""
        for character in operation {
            if character.isUppercase && !result.isEmpty { result += "-" }
            result += character.lowercased()
        }
        return result
    }
}
