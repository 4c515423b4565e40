import CrossAccount

/// `explain COMMAND...`: the API calls a command makes and the AWS CLI commands that make them,
/// without running anything.
enum ExplainCommand {
    /// The command's entry in the table.
    static let spec = CommandSpec(
        path: ["explain"], summary: "show the API calls a command makes, and the AWS CLI equivalents; run nothing",
        arguments: [
            ArgumentSpec(
                name: "COMMAND", kind: .command, isVariadic: true, summary: "a command, with or without its words")
        ],
        options: [],
        details: """
            Lists the reads every run makes, then the writes made only when the state differs (a dry run \
            makes none). Given the command's words, the names are filled in and calls of options not given \
            are left out; the words are checked as if the command ran. Options of explain itself (--output) \
            go before COMMAND.
            """,
        examples: ["explain bucket create", "explain role create my-role --trust primary --policy my-policy"],
        actsInAccount: false, recordsHistory: false, takesCommandLine: true, run: run)

    /// Prints the explanation (or returns it as a report for JSON output).
    /// - Throws: `ShellError.usage` for an unknown or malformed command.
    @Sendable static func run(_ invocation: Invocation, _ context: CommandContext) throws -> Report? {
        let words = invocation.arguments
        let table = context.interpreter.table
        guard let spec = table.lookup(words.map(\.text)), spec.name != "explain" else {
            let typed = words.map(\.text).joined(separator: " ")
            let hint = Suggestion.closest(to: typed, among: table.commands.map(\.name)).map { "did you mean: \($0)?" }
            throw ShellError.usage(
                message: "no command '\(typed)' to explain", location: words.first?.location,
                hint: hint ?? "type 'help' for the commands")
        }
        var values: [String: String] = [:]
        var given: Set<String> = []
        if words.count > spec.path.count {
            let bound = try ArgumentBinder(table: table, knownAliases: nil).bind(words, command: invocation.command)
            (values, given) = substitutions(bound)
        }
        if let account = explainedAccount(values: values, context: context) {
            values["ACCOUNT_ID"] = account.id.description
            values["PARTITION"] = account.partition
        }
        let typed = words.map(\.text).joined(separator: " ")
        let steps = ExplainCatalog.steps(of: spec.name).filter { step in
            words.count == spec.path.count || step.option.map(given.contains) ?? true
        }.map { fill($0, values) }
        let format = invocation.value("output").flatMap(OutputFormat.init) ?? context.session.format
        if format == .json { return report(typed, steps: steps) }
        TextResult.print(
            ExplainText.lines(typed: typed, summary: spec.summary, steps: steps), invocation: invocation,
            context: context)
        return nil
    }

    /// Placeholder values from a bound command: arguments by name, options by placeholder; and the
    /// options given.
    static func substitutions(_ invocation: Invocation) -> (values: [String: String], given: Set<String>) {
        var values: [String: String] = [:]
        for (index, argument) in invocation.spec.arguments.enumerated() {
            let value =
                argument.isVariadic
                ? invocation.arguments(from: index).joined(separator: " ") : invocation.argument(index)
            if let value, !value.isEmpty { values[argument.name] = value }
        }
        for option in invocation.spec.allOptions where option.value != nil {
            if let value = invocation.values(option.name).nonEmptyJoined { values[option.placeholder] = value }
        }
        return (values, Set(invocation.options.keys))
    }

    /// `step` with every known `<PLACEHOLDER>` replaced.
    static func fill(_ step: ExplainStep, _ values: [String: String]) -> ExplainStep {
        var filled = step
        for (name, value) in values {
            filled.call = filled.call.replacingOccurrences(of: "<\(name)>", with: value)
            filled.cli = filled.cli.replacingOccurrences(of: "<\(name)>", with: value)
        }
        return filled
    }

    /// The account the explained command would act in (`--in`, else the current one), when known.
    private static func explainedAccount(values: [String: String], context: CommandContext) -> Account? {
        let alias = values["ALIAS"].flatMap { context.session.account($0) != nil ? $0 : nil }
        return (alias ?? context.scope.currentAlias ?? context.session.currentAlias).flatMap(context.session.account)
    }

    /// The explanation as a report, for JSON output.
    private static func report(_ typed: String, steps: [ExplainStep]) -> Report {
        Report(
            command: "explain", resource: typed, calls: steps.map(\.call),
            table: Report.Table(
                columns: ["kind", "call", "aws_cli", "when"],
                rows: steps.map { [$0.kind == .read ? "read" : "write", $0.call, $0.cli, $0.condition ?? ""] }))
    }
}

extension [String] {
    /// The values joined by spaces, or nil when there are none.
    fileprivate var nonEmptyJoined: String? {
        isEmpty ? nil : joined(separator: " ")
    }
}
