/// Prints the plain text of commands that report no resource (`help`, `echo`, `history`,
/// `explain`): the lines as they are, or with `--output json` one object
/// `{"command", "lines", "succeeded": true}` (docs/output.md).
enum TextResult {
    /// Prints `lines` for the command of `invocation` in its output format.
    static func print(_ lines: [String], invocation: Invocation, context: CommandContext) {
        let format = invocation.value("output").flatMap(OutputFormat.init) ?? context.session.format
        switch format {
        case .text: context.output.lines(lines)
        case .json: context.output.line(ReportJSON.text(command: invocation.spec.name, lines: lines))
        }
    }
}
