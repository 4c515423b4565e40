import Foundation

/// The command reference, docs/commands.md, generated from the command table: the same text
/// `help COMMAND` prints, and the calls `explain` lists. `scripts/gen-docs` writes it; a test
/// fails when the checked-in file differs.
struct ReferenceDocs {
    /// The commands.
    var table: CommandTable

    /// The Markdown text.
    func markdown() -> String {
        let help = HelpText(table: table)
        var text = """
            # s3x command reference

            Generated from the command table by `scripts/gen-docs`; do not edit by hand (a test fails when \
            this file is stale). Each section is what `help COMMAND` prints, followed by the AWS calls \
            `explain COMMAND` lists. `s3x --help` and the man page (`docs/s3x.1`) come from the same source.

            ## Commands

            """
        text += "\n"
        text += table.commands.map { "- [`\($0.name)`](#\(anchor($0.name))): \($0.summary)\n" }.joined()
        text += "\n## Overview (`help`)\n\n```text\n" + help.overview().joined(separator: "\n") + "\n```\n"
        for spec in table.commands {
            text += "\n## \(spec.name)\n\n```text\n" + help.detail(spec).joined(separator: "\n") + "\n```\n"
            text += calls(spec)
        }
        return text
    }

    /// The explain steps of `spec` as a table, or a sentence when it makes none.
    private func calls(_ spec: CommandSpec) -> String {
        let steps = ExplainCatalog.steps(of: spec.name)
        guard !steps.isEmpty else { return "\nMakes no AWS call.\n" }
        var text = "\nAWS calls (reads always; writes only when the state differs, never in a dry run):\n\n"
        text += "| | call | AWS CLI | when |\n| --- | --- | --- | --- |\n"
        for step in steps {
            let kind = step.kind == .read ? "read" : "write"
            text += "| \(kind) | `\(step.call)` | `\(step.cli)` | \(step.condition ?? "") |\n"
        }
        return text
    }

    /// The GitHub anchor of a heading: lower case, spaces to dashes.
    private func anchor(_ heading: String) -> String {
        heading.lowercased().replacingOccurrences(of: " ", with: "-")
    }
}
