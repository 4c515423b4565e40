import CrossAccount
import Foundation

/// What the session ran, secrets removed, for `history`, `history --save` and runbooks.
struct HistoryRecorder: Sendable {
    /// One command that ran, or one `each` block with the commands it ran in each account.
    struct Entry: Sendable {
        /// The command as typed, secrets removed (a whole block for `each`).
        var text: String
        /// The account it acted in, if any.
        var account: String?
        /// What it reported, in order (secrets dropped): reports printed along the way, then its own.
        var reports: [Report]
        /// Whether it succeeded.
        var succeeded: Bool
        /// For an `each` block: the commands it ran, in the order they finished.
        var steps: [Entry] = []

        /// The command's own (last) report.
        var report: Report? { reports.last }
    }

    /// Entries in the order they ran.
    private(set) var entries: [Entry] = []
    /// Secrets shown once (new access keys), kept only to mask them everywhere else.
    private(set) var shownSecrets: [String] = []
    /// Access keys created in this session, by user name, so `check` can prove them end to end.
    /// Held in memory only.
    private(set) var createdKeys: [String: (accessKeyID: String, secret: String)] = [:]
    /// Reports a running command printed before its own, by account alias, until it is recorded.
    private var staged: [String: [Report]] = [:]

    /// Keeps a report a command printed before finishing (e.g. the user before its access key); it
    /// joins the command's entry when that is recorded.
    mutating func stage(_ report: Report) {
        staged[report.account ?? "", default: []].append(withoutSecrets(report))
    }

    /// Records a command and its report; the report's secrets are remembered for masking and dropped.
    mutating func record(text: String, account: String?, report: Report?, succeeded: Bool) {
        let key = account ?? report?.account ?? ""
        var reports = staged.removeValue(forKey: key) ?? []
        if let report { reports.append(withoutSecrets(report)) }
        entries.append(Entry(text: text, account: account, reports: reports, succeeded: succeeded))
    }

    /// Records an `each` block: the entries recorded since `start` (its commands, in every
    /// account) become its steps, so a saved script replays the block once, not its commands.
    mutating func recordBlock(text: String, since start: Int, succeeded: Bool) {
        let first = min(max(0, start), entries.count)
        let steps = Array(entries[first...])
        entries.removeSubrange(first...)
        entries.append(Entry(text: text, account: nil, reports: [], succeeded: succeeded, steps: steps))
    }

    /// `report` without its secrets, which are remembered for masking (and the new key for `check`).
    private mutating func withoutSecrets(_ report: Report) -> Report {
        guard !report.secrets.isEmpty else { return report }
        shownSecrets += report.secrets.map(\.value)
        let keyID = report.fields.first { $0.name == "access key id" }?.value
        if let user = report.resource, let keyID, let secret = report.secrets.first?.value {
            createdKeys[user] = (keyID, secret)
        }
        var kept = report
        kept.secrets = []
        return kept
    }
}
