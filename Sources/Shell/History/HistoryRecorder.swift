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
        /// The `each` block the command ran in (see ``startBlock()``), nil at the top level.
        var block: Int? = nil
        /// When it started, in the recorder's sequence: entries are kept in this order.
        var sequence = 0

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

    /// Records a command and its report, as a step of `block` when it ran inside one; the report's
    /// secrets are remembered for masking and dropped.
    mutating func record(text: String, account: String?, report: Report?, succeeded: Bool, block: Int? = nil) {
        let key = account ?? report?.account ?? ""
        var reports = staged.removeValue(forKey: key) ?? []
        if let report { reports.append(withoutSecrets(report)) }
        entries.append(
            Entry(
                text: text, account: account, reports: reports, succeeded: succeeded, block: block,
                sequence: nextSequence()))
    }

    /// Starts an `each` block: the id its commands are recorded with, which is also its place in the
    /// history (a block run in the background comes before the commands typed after it).
    mutating func startBlock() -> Int {
        nextSequence()
    }

    /// The entries recorded so far in `block`, in the order they finished.
    func steps(of block: Int) -> [Entry] {
        entries.filter { $0.block == block }
    }

    /// Records an `each` block: the entries recorded in `block` (its commands, in every account)
    /// become its steps, so a saved script replays the block once, not its commands. The block takes
    /// its place where it started; it is itself a step of `enclosing` when nested.
    mutating func recordBlock(text: String, block: Int, enclosing: Int?, succeeded: Bool) {
        let steps = self.steps(of: block)
        entries.removeAll { $0.block == block }
        let entry = Entry(
            text: text, account: nil, reports: [], succeeded: succeeded, steps: steps, block: enclosing,
            sequence: block)
        let position = entries.firstIndex { $0.sequence > block } ?? entries.endIndex
        entries.insert(entry, at: position)
    }

    private var sequenceCount = 0

    private mutating func nextSequence() -> Int {
        sequenceCount += 1
        return sequenceCount
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
