import AWS
import CrossAccount
import Foundation

/// `history`: the session's commands as a replayable `.s3x` script, or saved to a file, or as a
/// Markdown runbook.
enum HistoryCommand {
    /// The command's entry in the table.
    static let spec = CommandSpec(
        path: ["history"], summary: "print this session's commands as a script, or save them",
        arguments: [],
        options: [
            OptionSpec(
                name: "save", value: .path, placeholder: "FILE", summary: "write them to FILE as an .s3x script"),
            OptionSpec(
                name: "parameterize",
                summary: "with --save: lift account ids and bucket names into set variables at the top"),
            OptionSpec(
                name: "runbook", value: .path, placeholder: "FILE",
                summary: "write a Markdown runbook: commands, results, equivalent AWS CLI commands"),
        ],
        details: """
            Commands that change nothing (help, history, show and list commands, echo) are not recorded; an \
            each block is saved once, as typed. Secrets are never recorded: lines typed with a leading space \
            are left out, and secret values are masked. A runbook lists, per command, what it did and the AWS \
            CLI commands that make the same calls, with the JSON documents they read.
            """,
        examples: ["history", "history --save setup.s3x --parameterize", "history --runbook setup.md"],
        actsInAccount: false, recordsHistory: false, run: run)

    /// Prints or saves the history.
    /// - Throws: `ShellError.failed` when a file cannot be written.
    @Sendable static func run(_ invocation: Invocation, _ context: CommandContext) throws -> Report? {
        let entries = context.session.withState { $0.history.entries }
        if let path = invocation.value("runbook") {
            let runbook = Runbook(accounts: facts(context.session), date: Date())
            try PrivateFile.write(runbook.markdown(entries), to: path, command: "history")
            return Report(
                command: "history", resource: path, fields: [.init("wrote", "runbook of \(entries.count) commands")])
        }
        let script = scriptText(entries, parameterized: invocation.flag("parameterize"), session: context.session)
        if let path = invocation.value("save") {
            try PrivateFile.write(script, to: path, command: "history")
            return Report(command: "history", resource: path, fields: [.init("wrote", "\(entries.count) commands")])
        }
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        TextResult.print(lines, invocation: invocation, context: context)
        return nil
    }

    /// The entries as a script that replays the session; failed commands are commented out.
    static func scriptText(_ entries: [HistoryRecorder.Entry], parameterized: Bool, session: Session) -> String {
        var texts = entries.map(\.text)
        var sets: [String] = []
        if parameterized {
            let ids = Dictionary(session.accounts.map { ($0.alias, $0.id.description) }) { first, _ in first }
            let lifted = ScriptParameterizer(aliases: ids).parameterize(texts, buckets: buckets(entries))
            (sets, texts) = lifted
        }
        var text = "# s3x session history, \(ISO8601.format(Date()))\n"
        if !sets.isEmpty { text += sets.joined(separator: "\n") + "\n\n" }
        for (entry, line) in zip(entries, texts) {
            text += entry.succeeded ? line + "\n" : line.split(separator: "\n").map { "# failed: \($0)\n" }.joined()
        }
        return text
    }

    /// Bucket names the session's commands named (resources of bucket commands, `bucket` fields).
    private static func buckets(_ entries: [HistoryRecorder.Entry]) -> [String] {
        let reports = (entries + entries.flatMap(\.steps)).flatMap(\.reports)
        return reports.flatMap { report -> [String] in
            let resource = report.command.hasPrefix("bucket ") ? report.resource : nil
            return [resource].compactMap { $0 } + report.fields.filter { $0.name == "bucket" }.map(\.value)
        }
    }

    /// What the runbook needs of each account.
    static func facts(_ session: Session) -> [String: AccountFacts] {
        Dictionary(
            session.accounts.map {
                ($0.alias, AccountFacts(id: $0.id.description, partition: $0.partition, region: $0.region))
            }
        ) { first, _ in first }
    }
}

/// Writes files the person asked for, atomically and readable only by them (mode 0600).
enum PrivateFile {
    /// Writes `text` to `path`.
    /// - Throws: `ShellError.failed` naming the file and the reason.
    static func write(_ text: String, to path: String, command: String) throws(ShellError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).s3x-tmp")
        let created = FileManager.default.createFile(
            atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        guard created else {
            throw .failed(command: command, account: nil, message: "cannot write \(path)")
        }
        guard rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw .failed(command: command, account: nil, message: "cannot write \(path): \(reason)")
        }
        chmod(path, 0o600)
    }
}
