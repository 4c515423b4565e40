import AWS
import CrossAccount
import Foundation
import LineEditing
import Script

/// Runs statements: expands words, binds them to commands, runs them, prints their reports,
/// records them in the history, and stops (or goes on) at failures.
struct Interpreter: Sendable {
    /// The session commands act on.
    let session: Session
    /// The commands.
    let table: CommandTable

    /// Parses and checks a whole script, then runs it; a syntax or usage error anywhere means
    /// nothing runs.
    func runScript(_ source: Source, scope: Scope) async -> ExitCode {
        let statements: [Statement]
        do {
            statements = try Parser.parse(source)
            try validate(statements, source: source, scope: scope)
        } catch let error as ShellError {
            report(error, source: source, scope: scope)
            return error.exitCode
        } catch let error as ScriptError {
            report(.syntax(error), source: source, scope: scope)
            return .usage
        } catch {
            return .usage
        }
        return await runChecked(statements, source: source, scope: scope)
    }

    /// Runs statements already checked; prints failures; returns the run's exit code.
    ///
    /// Statements run one at a time so that an interrupt can be summed up: how many ran, the one
    /// stopped part way (if any), and those that did not run (``InterruptSummary``).
    func runChecked(_ statements: [Statement], source: Source, scope: Scope) async -> ExitCode {
        var failures = 0
        for (index, statement) in statements.enumerated() {
            var began = false
            do throws(ShellError) {
                if InterruptMonitor.shared.isInterrupted { throw .interrupted }
                began = true
                failures += try await run([statement], source: source, scope: scope)
            } catch {
                // Blocks still running in the background finish (an interrupt stops them too) and
                // are reported before the run ends.
                let interrupted = await EachRunner(interpreter: self).finishBackground().interrupted
                if case .exit = error { return error.exitCode }
                if case .interrupted = error {
                    let stopped = statements.indices.filter { interrupted.contains(statements[$0].location) }
                    let summary = InterruptSummary(
                        statements: statements, stopped: index, began: began, alsoStopped: stopped)
                    scope.output.error(summary.text)
                }
                report(error, source: source, scope: scope)
                return error.exitCode
            }
        }
        do throws(ShellError) {
            try await EachRunner(interpreter: self).waitForBackground()
        } catch {
            report(error, source: source, scope: scope)
            return error.exitCode
        }
        if failures > 0 {
            scope.output.error("\(failures) command\(failures == 1 ? "" : "s") failed (--keep-going)")
            return .someFailed
        }
        return .success
    }

    /// Checks statements before any runs.
    /// - Throws: the first `ShellError.usage` or `.syntax` found.
    func validate(_ statements: [Statement], source: Source, scope: Scope) throws(ShellError) {
        var validator = Validator(interpreter: self, scope: scope)
        try validator.check(statements, source: source)
    }

    /// Runs `statements` in order. Returns how many failed under `--keep-going`.
    /// - Throws: the first failure when not keeping going, `.interrupted`, or `.exit`.
    func run(_ statements: [Statement], source: Source, scope: Scope) async throws(ShellError) -> Int {
        var failures = 0
        for statement in statements {
            if InterruptMonitor.shared.isInterrupted { throw .interrupted }
            do {
                switch statement {
                case .command(let command):
                    try await execute(command, source: source, scope: scope)
                case .block(let header, let body, _):
                    try await EachRunner(interpreter: self).run(
                        header: header, body: body, source: source, scope: scope)
                }
            } catch {
                switch error {
                case .interrupted, .exit: throw error
                case .usage, .syntax, .failed:
                    guard scope.keepGoing else { throw error }
                    report(error, source: source, scope: scope)
                    failures += 1
                }
            }
        }
        return failures
    }

    /// Expands, binds and runs one command, printing its report.
    /// - Throws: `ShellError`.
    func execute(_ command: Command, source: Source, scope: Scope) async throws(ShellError) {
        let invocation = try bind(command, source: source, scope: scope)
        if scope.echo { scope.output.line(scope.output.styled("+ \(scrubbed(command.text))", .dim)) }
        if invocation.spec.name == "each" {
            throw .usage(
                message: "each needs a block: each ALIAS... {", location: command.location,
                hint: "end the line with { and close the block with } on its own line")
        }
        let context = CommandContext(session: session, scope: scope, interpreter: self, source: source)
        let report: Report?
        do {
            report = try await invocation.spec.run(invocation, context)
        } catch let error as ShellError {
            let account = invocation.spec.actsInAccount ? (try? context.account(for: invocation))?.alias : nil
            recordHistory(invocation, account: account, report: nil, succeeded: false, scope: scope)
            throw error.located(at: command.location)
        } catch {
            let account = try? context.account(for: invocation)
            recordHistory(invocation, account: account?.alias, report: nil, succeeded: false, scope: scope)
            // A request refused at a safe point after Ctrl-C or SIGTERM stops the run; it is not a failure.
            if InterruptMonitor.shared.isInterrupted { throw .interrupted }
            throw FailureTranslator.translate(error, command: invocation.spec.name, account: account)
                .located(at: command.location)
        }
        if let report { print(report, invocation: invocation, scope: scope) }
        recordHistory(
            invocation, account: report?.account, report: report, succeeded: report?.succeeded ?? true, scope: scope)
        if let report, !report.succeeded {
            throw .failed(
                command: invocation.spec.name, account: report.account, message: "the check found problems",
                location: command.location)
        }
    }

    /// Expands a command's words and binds them to their spec.
    /// - Throws: `ShellError.usage` for an unknown variable or a malformed command.
    @inline(never)
    func bind(_ command: Command, source: Source, scope: Scope) throws(ShellError) -> Invocation {
        let expander = Expander(resolve: resolver(scope: scope))
        var words: [BoundValue] = []
        for word in command.words {
            do {
                words.append(BoundValue(text: try expander.expand(word), location: word.location))
            } catch {
                throw unknownVariable(error)
            }
        }
        let binder = ArgumentBinder(table: table, knownAliases: session.aliases)
        return try binder.bind(words, command: command)
    }

    /// Maps a variable name to its value in `scope`.
    func resolver(scope: Scope) -> @Sendable (String) -> String? {
        let session = self.session
        return { name in Variables.value(of: name, scope: scope, session: session) }
    }

    /// Prints `report` in the command's format, in one write.
    @inline(never)
    func print(_ report: Report, invocation: Invocation, scope: Scope) {
        let format = invocation.value("output").flatMap(OutputFormat.init) ?? session.format
        switch format {
        case .json: scope.output.line(ReportJSON.render(report))
        case .text: scope.output.lines(ReportRenderer(output: scope.output).lines(report))
        }
    }

    /// Prints a failure the way the scope calls for.
    func report(_ error: ShellError, source: Source, scope: Scope) {
        // An error raised inside a sourced script quotes its line from that script.
        let source = SourceFiles.source(containing: error.location, default: source)
        let printer = DiagnosticPrinter(output: scope.output, format: session.format)
        for line in printer.lines(error, source: source, interactive: scope.isInteractive) {
            scope.output.error(line)
        }
        // With --output json, stdout stays one JSON object per line: the failure is one too.
        if let json = printer.json(error) { scope.output.line(json) }
    }

    private func unknownVariable(_ error: ScriptError) -> ShellError {
        guard case .unknownVariable(let name) = error.kind else { return .syntax(error) }
        return .usage(
            message: "unknown variable '\(name)'", location: error.location,
            hint: name.contains(".")
                ? "known forms: ${ALIAS.id}, ${ALIAS.region}, ${env.NAME}" : "set it first: set \(name) VALUE")
    }

    private func scrubbed(_ text: String) -> String {
        CommandScrubber.scrub(text, knownSecrets: session.withState { $0.history.shownSecrets })
    }

    @inline(never)
    private func recordHistory(
        _ invocation: Invocation, account: String?, report: Report?, succeeded: Bool, scope: Scope
    ) {
        guard invocation.spec.recordsHistory else { return }
        let text = scrubbed(invocation.command.text)
        session.withState {
            $0.history.record(text: text, account: account, report: report, succeeded: succeeded, block: scope.block)
        }
    }
}
