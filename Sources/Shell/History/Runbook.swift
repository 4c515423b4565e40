import CrossAccount
import Foundation

/// Renders a session's history as a Markdown runbook: each command as typed (secrets
/// removed), what it did, and the equivalent AWS CLI commands.
enum Runbook {
    /// The runbook text.
    static func markdown(_ entries: [HistoryRecorder.Entry]) -> String {
        var text = "# s3x runbook\n\nRecorded \(ISO8601DateFormatter().string(from: Date())). "
        text += "Secrets are not recorded; access keys shown once are omitted.\n"
        for (index, entry) in entries.enumerated() {
            text += "\n## \(index + 1). `\(entry.text.split(separator: "\n").first ?? "")`\n\n"
            text += "```\n\(entry.text)\n```\n\n"
            if let account = entry.account { text += "Account: \(account)\n\n" }
            if !entry.succeeded { text += "**Failed.**\n\n" }
            if let report = entry.report {
                if let outcome = report.outcome { text += "Result: \(outcome.rawValue)\n\n" }
                text += report.changes.map { "- \($0)\n" }.joined()
                text += report.fields.map { "- \($0.name): `\($0.value)`\n" }.joined()
                if !report.calls.isEmpty {
                    text += "\nEquivalent AWS CLI commands:\n\n```sh\n"
                    text += report.calls.map { AWSCLIEquivalent.command(for: $0) + "\n" }.joined()
                    text += "```\n"
                }
            }
        }
        return text
    }
}

/// Maps an API call label (`iam:CreateRole NAME`) to the AWS CLI command that makes it.
enum AWSCLIEquivalent {
    /// The CLI command for `call`, e.g. `aws iam create-role --role-name NAME ...`.
    static func command(for call: String) -> String {
        let parts = call.split(separator: " ", maxSplits: 1).map(String.init)
        let api = parts.first ?? call
        let argument = parts.count > 1 ? parts[1] : ""
        let pieces = api.split(separator: ":").map(String.init)
        guard pieces.count == 2 else { return "# \(call)" }
        let service = pieces[0] == "s3" ? "s3api" : pieces[0]
        return "aws \(service) \(kebab(pieces[1])) \(argument)".trimmingCharacters(in: .whitespaces)
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
