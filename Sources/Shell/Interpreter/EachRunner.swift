import CrossAccount
import Foundation
import LineEditing
import Script

/// Runs `each ALIAS... [--jobs N] [--fail-fast] { ... }`: the block once per account,
/// concurrently with a bound, each account's commands in order, output grouped per account, a
/// summary table at the end. A failure in one account does not stop the others unless
/// `--fail-fast` is given.
struct EachRunner {
    /// Runs nested statements.
    let interpreter: Interpreter

    /// The concurrency when `--jobs` is not given.
    static let defaultJobs = 8

    /// Runs the block.
    /// - Throws: `ShellError.failed` naming the accounts that failed, `.interrupted`, or a usage error.
    func run(header: Command, body: [Statement], source: Source, scope: Scope) async throws(ShellError) {
        let invocation = try interpreter.bind(header, source: source, scope: scope)
        guard invocation.spec.name == "each" else {
            throw .usage(
                message: "only 'each' takes a block", location: header.location,
                hint: "write: each ALIAS... [--jobs N] {")
        }
        let aliases = invocation.arguments(from: 0).flatMap { $0.split(separator: " ").map(String.init) }
        for alias in aliases where interpreter.session.account(alias) == nil {
            throw .usage(message: "unknown account alias '\(alias)'", location: header.location)
        }
        let jobs = max(1, invocation.value("jobs").flatMap(Int.init) ?? Self.defaultJobs)
        let failFast = invocation.flag("fail-fast")
        let progress = Progress(output: scope.output, total: aliases.count)
        let historyStart = interpreter.session.withState { $0.history.entries.count }
        let results = await runBranches(
            aliases, jobs: jobs, failFast: failFast, body: body, source: source, scope: scope, progress: progress)
        progress.finish()
        recordBlock(
            header: header, body: body, source: source, since: historyStart, succeeded: results.allSatisfy(\.succeeded))
        printSummary(results, scope: scope, json: invocation.value("output") == "json")
        if InterruptMonitor.shared.isInterrupted { throw .interrupted }
        let failed = results.filter { !$0.succeeded }
        if !failed.isEmpty {
            throw .failed(
                command: "each", account: nil,
                message: "\(failed.count) of \(results.count) accounts failed: "
                    + failed.map(\.alias).joined(separator: ", "),
                location: header.location)
        }
    }

    private func runBranches(
        _ aliases: [String], jobs: Int, failFast: Bool, body: [Statement], source: Source, scope: Scope,
        progress: Progress
    ) async -> [BranchResult] {
        await withTaskGroup(of: (Int, BranchResult, BufferedOutput).self) { group in
            var results = [BranchResult?](repeating: nil, count: aliases.count)
            var buffers = [BufferedOutput?](repeating: nil, count: aliases.count)
            var next = 0
            var flushed = 0
            func launch() {
                let index = next
                next += 1
                group.addTask {
                    let buffer = scope.output.buffered()
                    let result = await runBranch(aliases[index], body: body, source: source, scope: scope, into: buffer)
                    return (index, result, buffer)
                }
            }
            while next < min(jobs, aliases.count) { launch() }
            while let (index, result, buffer) = await group.next() {
                results[index] = result
                buffers[index] = buffer
                progress.record(succeeded: result.succeeded)
                // Print groups in the order the accounts were named, as soon as each is complete.
                while flushed < aliases.count, let ready = buffers[flushed] {
                    progress.clear()
                    ready.flush()
                    flushed += 1
                }
                let stop = (failFast && !result.succeeded) || InterruptMonitor.shared.isInterrupted
                if stop { group.cancelAll() } else if next < aliases.count { launch() }
            }
            buffers[flushed...].compactMap { $0 }.forEach { $0.flush() }
            return results.enumerated().map { index, result in
                result ?? BranchResult(alias: aliases[index], succeeded: false, detail: "not started")
            }
        }
    }

    private func runBranch(
        _ alias: String, body: [Statement], source: Source, scope: Scope, into buffer: BufferedOutput
    ) async -> BranchResult {
        var branch = scope
        branch.currentAlias = alias
        branch.locals["account"] = alias
        branch.output = buffer.output
        branch.keepGoing = false
        let label = interpreter.session.account(alias)?.label ?? alias
        // JSON output stays one object per line: the account heading is for people only.
        if interpreter.session.format != .json { buffer.output.line(buffer.output.styled("== \(label)", .bold)) }
        let start = interpreter.session.withState { $0.history.entries.count }
        do {
            _ = try await interpreter.run(body, source: source, scope: branch)
            return BranchResult(alias: alias, succeeded: true, detail: outcomes(in: alias, since: start))
        } catch {
            interpreter.report(error, source: source, scope: branch)
            return BranchResult(alias: alias, succeeded: false, detail: error.summary)
        }
    }

    /// What the commands run in `alias` since history entry `start` did: "2 created, 1 unchanged".
    private func outcomes(in alias: String, since start: Int) -> String {
        let entries = interpreter.session.withState { Array($0.history.entries.dropFirst(start)) }
        let outcomes = entries.filter { $0.account == alias }.flatMap(\.reports).compactMap(\.outcome)
        var counts: [(outcome: Report.Outcome, count: Int)] = []
        for outcome in outcomes {
            if let index = counts.firstIndex(where: { $0.outcome == outcome }) {
                counts[index].count += 1
            } else {
                counts.append((outcome, 1))
            }
        }
        guard !counts.isEmpty else { return "done" }
        return counts.map { "\($0.count) \($0.outcome.rawValue)" }.joined(separator: ", ")
    }

    private func printSummary(_ results: [BranchResult], scope: Scope, json: Bool) {
        let report = Report(
            command: "each",
            table: Report.Table(
                columns: ["account", "status", "detail"],
                rows: results.map { [$0.alias, $0.succeeded ? "ok" : "FAIL", $0.detail] }),
            succeeded: results.allSatisfy(\.succeeded))
        if json || interpreter.session.format == .json {
            scope.output.line(ReportJSON.render(report))
        } else {
            ReportRenderer(output: scope.output).lines(report).forEach(scope.output.line)
        }
    }

    /// Records the block as typed; the commands it ran since `start` become its steps.
    private func recordBlock(header: Command, body: [Statement], source: Source, since start: Int, succeeded: Bool) {
        let lastLine = body.last.map(\.lastLine) ?? header.location.line
        let lines = (header.location.line...(lastLine + 1)).compactMap { source.line($0) }
        let text = lines.joined(separator: "\n")
        interpreter.session.withState { $0.history.recordBlock(text: text, since: start, succeeded: succeeded) }
    }

    /// One account's outcome.
    struct BranchResult: Sendable {
        var alias: String
        var succeeded: Bool
        var detail: String
    }
}

extension Statement {
    /// The last source line the statement spans.
    var lastLine: Int {
        switch self {
        case .command(let command): command.location.line + command.text.filter { $0 == "\n" }.count
        case .block(_, _, let end): end.line - 1
        }
    }
}

extension ShellError {
    /// A one-line summary for tables.
    var summary: String {
        switch self {
        case .usage(let message, _, _): message
        case .syntax(let error): error.message
        case .failed(_, _, let message, _, _): message
        case .interrupted: "interrupted"
        case .exit(let code): "exit \(code)"
        }
    }
}
