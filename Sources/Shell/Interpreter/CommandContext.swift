import AWS
import CrossAccount
import Script

/// What a running command may use: the session, its scope, and the interpreter (for `source`
/// and `each`).
struct CommandContext: Sendable {
    /// The session.
    var session: Session
    /// Where the command runs.
    var scope: Scope
    /// Runs nested scripts.
    var interpreter: Interpreter
    /// The script the command came from (for nested diagnostics).
    var source: Source

    /// Where the command's own output goes.
    var output: Output { scope.output }

    /// Whether the command must only plan.
    func isPlanning(_ invocation: Invocation) -> Bool {
        invocation.flag("dry-run") || scope.dryRun || session.isDryRun
    }

    /// The account the command acts in: `--in ALIAS`, else the scope's, else the session's current.
    /// - Throws: `ShellError.failed` when none is set.
    func account(for invocation: Invocation) throws(ShellError) -> Account {
        let alias = invocation.value("in") ?? scope.currentAlias ?? session.currentAlias
        guard let alias else {
            throw .failed(
                command: invocation.spec.name, account: nil, message: "no account is in use",
                hint: "add one first: account add ALIAS --profile NAME")
        }
        guard let account = session.account(alias) else {
            throw .failed(command: invocation.spec.name, account: alias, message: "unknown account alias '\(alias)'")
        }
        return account
    }

    /// An action context for the command's account.
    /// - Throws: `ShellError.failed` when no account is in use.
    func actionContext(for invocation: Invocation) throws(ShellError) -> ActionContext {
        ActionContext(account: try account(for: invocation), mode: isPlanning(invocation) ? .plan : .apply)
    }

    /// Resolves account arguments (aliases or 12-digit ids) to account ids.
    /// - Throws: `ShellError.usage` for an unknown alias or a malformed id.
    func accountIDs(_ words: [String], invocation: Invocation) throws(ShellError) -> [AccountID] {
        var ids: [AccountID] = []
        for word in words {
            if let account = session.account(word) {
                ids.append(account.id)
                continue
            }
            do {
                ids.append(try AccountID(word))
            } catch {
                let location = invocation.arguments.first { $0.text == word }?.location ?? invocation.command.location
                throw .usage(
                    message: "'\(word)' is neither a known alias nor an account id: \(error)", location: location)
            }
        }
        return ids
    }
}

extension CommandContext {
    /// Prints a report now, for commands that produce several (the last one is returned as usual).
    func emit(_ report: Report, for invocation: Invocation) {
        interpreter.print(report, invocation: invocation, scope: scope)
        // The runbook lists every report of a command, not only its last.
        if invocation.spec.recordsHistory { session.withState { $0.history.stage(report) } }
    }
}
