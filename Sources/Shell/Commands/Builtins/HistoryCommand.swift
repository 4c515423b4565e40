import CrossAccount
import Foundation

/// `history`: the session's commands as a replayable `.s3x` script, or saved to a file, or as a
/// Markdown runbook.
enum HistoryCommand {
    /// Prints or saves the history.
    /// - Throws: `ShellError.failed` when a file cannot be written.
    static func run(_ invocation: Invocation, context: CommandContext) throws(ShellError) -> Report? {
        let entries = context.session.withState { $0.history.entries }
        if let path = invocation.value("runbook") {
            try PrivateFile.write(Runbook.markdown(entries), to: path, command: "history")
            return Report(command: "history", resource: path, fields: [.init("wrote", "runbook of \(entries.count) commands")])
        }
        let script = scriptText(entries)
        if let path = invocation.value("save") {
            try PrivateFile.write(script, to: path, command: "history")
            return Report(command: "history", resource: path, fields: [.init("wrote", "\(entries.count) commands")])
        }
        script.split(separator: "\n", omittingEmptySubsequences: false).dropLast().forEach {
            context.output.line(String($0))
        }
        return nil
    }

    /// The entries as a script that replays the session.
    static func scriptText(_ entries: [HistoryRecorder.Entry]) -> String {
        var text = "# s3x session history, \(ISO8601DateFormatter().string(from: Date()))\n"
        for entry in entries {
            text += entry.succeeded ? "" : "# failed:\n# "
            text += entry.text + "\n"
        }
        return text
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
