import CrossAccount
import Foundation
import LineEditing
import Locking
import Script

/// Runs `each ALIAS... [--jobs N] [--fail-fast] [--background] { ... }`: the block once per
/// account, concurrently with a bound, each account's commands in order, output grouped per
/// account, a summary table at the end. A failure in one account does not stop the others unless
/// `--fail-fast` is given.
///
/// With `--background` the block starts and the script goes on at once; `wait` (or the end of the
/// script or session) prints its output and summary and reports its failures.
struct EachRunner {
    /// Runs nested statements.
    let interpreter: Interpreter

    /// The concurrency when `--jobs` is not given.
    static let defaultJobs = 8

    /// One block to run: what its header said and where its history goes.
    struct Plan: Sendable {
        var header: Command
        var body: [Statement]
        var source: Source
        var scope: Scope
        var aliases: [String]
        var jobs: Int
        var failFast: Bool
        var json: Bool
        /// Its id in the history (``HistoryRecorder/startBlock()``).
        var block: Int
    }

    /// What a block's accounts did, and their output not printed yet.
    struct Outcome: Sendable {
        var results: [BranchResult]
        var unprinted: [BufferedOutput]
    }

    /// Runs the block, or starts it in the background.
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
        let plan = Plan(
            header: header, body: body, source: source, scope: scope, aliases: aliases,
            jobs: max(1, invocation.value("jobs").flatMap(Int.init) ?? Self.defaultJobs),
            failFast: invocation.flag("fail-fast"), json: invocation.value("output") == "json",
            block: interpreter.session.withState { $0.history.startBlock() })
        if invocation.flag("background") {
            let task = Task { await runBranches(plan, progress: nil) }
            interpreter.session.background.withLock { $0.append(BackgroundBlock(plan: plan, task: task)) }
            return
        }
        let progress = Progress(output: scope.output, total: aliases.count)
        let outcome = await runBranches(plan, progress: progress)
        progress.finish()
        try finish(plan, outcome)
    }

    /// Waits for every block started in the background, oldest first, and finishes each: its output,
    /// history and summary. Blocks started meanwhile are waited for too.
    /// - Throws: `ShellError.failed` for the first block with a failed account (after finishing all),
    ///   or `.interrupted`.
    func waitForBackground() async throws(ShellError) {
        if let failure = await finishBackground().firstFailure { throw failure }
    }

    /// Finishes every block started in the background, as ``waitForBackground()`` does, and returns
    /// the first failure and where the blocks an interrupt stopped part way begin.
    func finishBackground() async -> (firstFailure: ShellError?, interrupted: [SourceLocation]) {
        var firstFailure: ShellError?
        var interrupted: [SourceLocation] = []
        while let next = interpreter.session.background.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
            let outcome = await next.task.value
            if outcome.results.contains(where: \.wasInterrupted) { interrupted.append(next.plan.header.location) }
            do {
                try finish(next.plan, outcome)
            } catch {
                firstFailure = firstFailure ?? error
            }
        }
        return (firstFailure, interrupted)
    }

    /// Prints what is left of the block's output and its summary, records it in the history, and
    /// throws when an account failed.
    /// - Throws: `ShellError.failed` naming the accounts that failed, or `.interrupted`.
    private func finish(_ plan: Plan, _ outcome: Outcome) throws(ShellError) {
        outcome.unprinted.forEach { $0.flush() }
        let results = outcome.results
        recordBlock(plan, succeeded: results.allSatisfy(\.succeeded))
        printSummary(results, scope: plan.scope, json: plan.json)
        if InterruptMonitor.shared.isInterrupted { throw .interrupted }
        let failed = results.filter { !$0.succeeded }
        if !failed.isEmpty {
            throw .failed(
                command: "each", account: nil,
                message: "\(failed.count) of \(results.count) accounts failed: "
                    + failed.map(\.alias).joined(separator: ", "),
                location: plan.header.location)
        }
    }

    /// Runs every account's branch. With `progress` (a block in the foreground) each account's
    /// output is printed as soon as it and those named before it are complete; without, it is kept.
    private func runBranches(_ plan: Plan, progress: Progress?) async -> Outcome {
        let aliases = plan.aliases
        return await withTaskGroup(of: (Int, BranchResult, BufferedOutput).self) { group in
            var results = [BranchResult?](repeating: nil, count: aliases.count)
            var buffers = [BufferedOutput?](repeating: nil, count: aliases.count)
            var next = 0
            var flushed = 0
            func launch() {
                let index = next
                next += 1
                group.addTask {
                    let buffer = plan.scope.output.buffered()
                    let result = await runBranch(aliases[index], plan: plan, into: buffer)
                    return (index, result, buffer)
                }
            }
            // At most --jobs at once, spread evenly over the rounds that bound makes.
            let width = evenWidth(count: aliases.count, limit: plan.jobs)
            while next < width { launch() }
            while let (index, result, buffer) = await group.next() {
                results[index] = result
                buffers[index] = buffer
                if let progress {
                    progress.record(succeeded: result.succeeded)
                    // Print groups in the order the accounts were named, as soon as each is complete.
                    while flushed < aliases.count, let ready = buffers[flushed] {
                        progress.clear()
                        ready.flush()
                        flushed += 1
                    }
                }
                let stop = (plan.failFast && !result.succeeded) || InterruptMonitor.shared.isInterrupted
                if stop { group.cancelAll() } else if next < aliases.count { launch() }
            }
            let finished = results.enumerated().map { index, result in
                result
                    ?? BranchResult(
                        alias: aliases[index], succeeded: false, detail: "not started",
                        wasInterrupted: InterruptMonitor.shared.isInterrupted)
            }
            return Outcome(results: finished, unprinted: buffers[flushed...].compactMap { $0 })
        }
    }

    private func runBranch(_ alias: String, plan: Plan, into buffer: BufferedOutput) async -> BranchResult {
        let (body, source) = (plan.body, plan.source)
        var branch = plan.scope
        branch.block = plan.block
        branch.currentAlias = alias
        branch.locals["account"] = alias
        branch.output = buffer.output
        branch.keepGoing = false
        let label = interpreter.session.account(alias)?.label ?? alias
        // JSON output stays one object per line: the account heading is for people only.
        if interpreter.session.format != .json { buffer.output.line(buffer.output.styled("== \(label)", .bold)) }
        do {
            _ = try await interpreter.run(body, source: source, scope: branch)
            return BranchResult(alias: alias, succeeded: true, detail: outcomes(in: alias, block: plan.block))
        } catch {
            interpreter.report(error, source: source, scope: branch)
            let wasInterrupted = if case .interrupted = error { true } else { false }
            return BranchResult(alias: alias, succeeded: false, detail: error.summary, wasInterrupted: wasInterrupted)
        }
    }

    /// What the commands of `block` run in `alias` did: "2 created, 1 unchanged".
    private func outcomes(in alias: String, block: Int) -> String {
        let entries = interpreter.session.withState { $0.history.steps(of: block) }
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

    /// Records the block as typed; the commands it ran become its steps.
    private func recordBlock(_ plan: Plan, succeeded: Bool) {
        let lastLine = plan.body.last.map(\.lastLine) ?? plan.header.location.line
        let lines = plan.source.lines(plan.header.location.line...(lastLine + 1))
        let text = lines.joined(separator: "\n")
        interpreter.session.withState {
            $0.history.recordBlock(text: text, block: plan.block, enclosing: plan.scope.block, succeeded: succeeded)
        }
    }

    /// One account's outcome.
    struct BranchResult: Sendable {
        var alias: String
        var succeeded: Bool
        var detail: String
        /// Whether an interrupt stopped the account's commands part way, or before they began.
        var wasInterrupted = false
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

/// A block started with `--background`, until `wait` finishes it.
struct BackgroundBlock: Sendable {
    /// The block.
    var plan: EachRunner.Plan
    /// Its accounts' branches, running.
    var task: Task<EachRunner.Outcome, Never>
}
