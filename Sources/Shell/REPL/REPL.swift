import CrossAccount
import Foundation
import LineEditing
import Script

/// The interactive prompt: reads lines with editing, history and completion, runs them, and
/// keeps going after errors until Ctrl-D or `exit`.
struct REPL {
    /// Runs commands.
    let interpreter: Interpreter
    /// Reads lines.
    let reader: any LineReader
    /// The history file, when one can be kept.
    let historyFile: HistoryFile?

    /// Runs until end of input; returns the exit code.
    func run(scope: Scope) async -> ExitCode {
        let session = interpreter.session
        loadHistory(output: scope.output)
        reader.completion = { [table = interpreter.table] context in
            Completer(table: table, session: session).candidates(context)
        }
        var buffer = ""
        while true {
            let prompt = buffer.isEmpty ? await Prompt.text(session: session, output: scope.output) : "... "
            InterruptMonitor.shared.clear()
            switch reader.readLine(prompt: prompt) {
            case .endOfFile:
                if buffer.isEmpty { return await finishBackground(scope: scope) }
                buffer = ""
            case .interrupted:
                if InterruptMonitor.shared.lastSignal == .terminate { return .interrupted }
                buffer = ""
            case .line(let line):
                buffer += buffer.isEmpty ? line : "\n" + line
                switch Parser.completeness(of: buffer, name: "<stdin>") {
                case .incomplete:
                    continue
                case .invalid(let error):
                    remember(buffer)
                    interpreter.report(.syntax(error), source: Source(name: "<stdin>", text: buffer), scope: scope)
                case .complete(let statements):
                    remember(buffer)
                    if let code = await execute(statements, text: buffer, scope: scope) { return code }
                }
                buffer = ""
            }
        }
    }

    /// Runs one entry; returns an exit code when the session should end.
    private func execute(_ statements: [Statement], text: String, scope: Scope) async -> ExitCode? {
        let source = Source(name: "<stdin>", text: text)
        do {
            try interpreter.validate(statements, source: source, scope: scope)
            _ = try await interpreter.run(statements, source: source, scope: scope)
        } catch {
            if case .exit = error {
                let waited = await finishBackground(scope: scope)
                return waited == .success ? error.exitCode : waited
            }
            interpreter.report(error, source: source, scope: scope)
        }
        InterruptMonitor.shared.clear()
        return nil
    }

    /// Leaving waits for the blocks still running in the background and reports them.
    private func finishBackground(scope: Scope) async -> ExitCode {
        do throws(ShellError) {
            try await EachRunner(interpreter: interpreter).waitForBackground()
            return .success
        } catch {
            interpreter.report(error, source: Source(name: "<stdin>", text: ""), scope: scope)
            return error.exitCode
        }
    }

    /// Adds an entry to the in-memory and file history, unless it starts with a space.
    private func remember(_ entry: String) {
        guard !entry.hasPrefix(" "), !entry.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        let secrets = interpreter.session.withState { $0.history.shownSecrets }
        let scrubbed = CommandScrubber.scrub(entry, knownSecrets: secrets)
        reader.addHistoryEntry(scrubbed)
        _ = try? historyFile?.append([scrubbed])
    }

    private func loadHistory(output: Output) {
        guard let historyFile else { return }
        let loaded = historyFile.load()
        if let warning = loaded.warning { output.error("warning: \(warning)") }
        loaded.entries.forEach(reader.addHistoryEntry)
    }
}

/// The prompt: `s3x primary>` and, for temporary credentials, the minutes left: `s3x sec1 (42m)>`.
enum Prompt {
    /// The prompt for the session's current account.
    static func text(session: Session, output: Output) async -> String {
        let dryRun = session.isDryRun ? " [dry-run]" : ""
        guard let alias = session.currentAlias, let account = session.account(alias) else {
            return "s3x\(dryRun)> "
        }
        guard let expiry = await CredentialExpiry.date(of: account) else { return "s3x \(alias)\(dryRun)> " }
        let minutes = max(0, Int(expiry.timeIntervalSinceNow / 60))
        return "s3x \(alias) (\(minutes)m)\(dryRun)> "
    }
}
