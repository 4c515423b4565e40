import AWS
import CrossAccount
import Foundation

/// Renders a session's history as a Markdown runbook: each command as typed (secrets removed),
/// what it did, and the equivalent AWS CLI commands with the documents they read.
///
/// The layout is stable (tests check it): a title, a preamble, an accounts table, then one
/// `## N. command` section per command; an `each` block has one `### ALIAS` part per account.
struct Runbook {
    /// What s3x knows of each alias (id, partition, region).
    var accounts: [String: AccountFacts]
    /// When the runbook was written.
    var date: Date

    /// The runbook text.
    func markdown(_ entries: [HistoryRecorder.Entry]) -> String {
        var text = "# s3x runbook\n\n"
        text += "Recorded \(ISO8601.format(date)): \(entries.count) commands. "
        text += "Secrets are not recorded: an access key's secret, shown once, appears nowhere here. "
        text += "Run each AWS CLI command with the credentials of the account its section names; "
        text += "save each JSON document under the file name its command reads.\n\n"
        text += accountTable(entries)
        for (index, entry) in entries.enumerated() {
            text += "## \(index + 1). `\(title(entry.text))`\n\n"
            text += "```s3x\n\(entry.text)\n```\n\n"
            if entry.steps.isEmpty {
                text += section(entry)
            } else {
                for step in entry.steps {
                    text += "### \(step.account ?? "no account"): `\(title(step.text))`\n\n" + section(step)
                }
            }
        }
        return text
    }

    /// The table of accounts the entries acted in.
    private func accountTable(_ entries: [HistoryRecorder.Entry]) -> String {
        var seen: [String] = []
        for alias in (entries + entries.flatMap(\.steps)).compactMap(\.account) where !seen.contains(alias) {
            seen.append(alias)
        }
        guard !seen.isEmpty else { return "" }
        var text = "| alias | account id | region |\n| --- | --- | --- |\n"
        for alias in seen {
            let facts = accounts[alias] ?? .unknown
            text += "| \(alias) | \(facts.id) | \(facts.region) |\n"
        }
        return text + "\n"
    }

    /// What one command did and its CLI equivalents.
    private func section(_ entry: HistoryRecorder.Entry) -> String {
        var text = ""
        if let account = entry.account {
            text += "Account: \(account) (\(accounts[account]?.id ?? AccountFacts.unknown.id)).\n\n"
        }
        if !entry.succeeded { text += "**Failed.** What ran before the failure is listed below.\n\n" }
        let described = entry.reports.map(describe).joined()
        if !described.isEmpty { text += described + "\n" }
        let equivalent = AWSCLIEquivalent(account: entry.account.flatMap { accounts[$0] } ?? .unknown)
        let commands = entry.reports.flatMap { equivalent.commands(for: $0, typed: entry.text) }
        guard !commands.isEmpty else {
            let changed = entry.reports.contains { $0.outcome != nil && $0.outcome != .unchanged }
            return text + (changed || entry.reports.allSatisfy({ $0.outcome == nil }) ? "" : "Nothing to change.\n\n")
        }
        text += "Equivalent AWS CLI commands:\n\n```sh\n" + commands.map { $0.text + "\n" }.joined() + "```\n\n"
        var written: Set<String> = []
        for document in commands.compactMap(\.document) where written.insert(document.fileName).inserted {
            text += "`\(document.fileName)`:\n\n```json\n\(document.text)\n```\n\n"
        }
        return text
    }

    /// One report: outcome, changes, fields.
    private func describe(_ report: Report) -> String {
        var text = ""
        let subject = [report.command, report.resource].compactMap { $0 }.joined(separator: " ")
        if let outcome = report.outcome { text += "- `\(subject)`: **\(outcome.rawValue)**\n" }
        text += report.changes.map { "  - \($0)\n" }.joined()
        text += report.fields.map { "  - \($0.name): `\($0.value)`\n" }.joined()
        if let table = report.table {
            text += "\n| " + table.columns.joined(separator: " | ") + " |\n"
            text += "|" + String(repeating: " --- |", count: table.columns.count) + "\n"
            text += table.rows.map { "| " + $0.joined(separator: " | ") + " |\n" }.joined() + "\n"
        }
        return text
    }

    private func title(_ text: String) -> String {
        String(text.split(separator: "\n").first ?? "").replacingOccurrences(of: "`", with: "'")
    }
}
