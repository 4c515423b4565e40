/// The human text of `explain`: the command, its summary, the reads, then the writes.
enum ExplainText {
    /// The lines for `typed` (the command as given) with `steps`.
    static func lines(typed: String, summary: String, steps: [ExplainStep]) -> [String] {
        var lines = [typed, "  \(summary)"]
        guard !steps.isEmpty else { return lines + ["", "makes no AWS call"] }
        let reads = steps.filter { $0.kind == .read }
        let writes = steps.filter { $0.kind == .write }
        if !reads.isEmpty {
            lines += ["", "reads the current state:"] + reads.flatMap(describe)
        }
        if !writes.isEmpty {
            lines += ["", "then writes only what differs (a dry run writes nothing):"] + writes.flatMap(describe)
        }
        return lines
    }

    private static func describe(_ step: ExplainStep) -> [String] {
        let condition = step.condition.map { " (\($0))" } ?? ""
        return ["  \(step.call)\(condition)", "      \(step.cli)"]
    }
}
