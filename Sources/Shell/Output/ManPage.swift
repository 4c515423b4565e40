import Foundation

/// The man page s3x(1), docs/s3x.1, generated from the same sources as `s3x --help`
/// (`LaunchOptions.usage`) and `help` (the command table). `scripts/gen-docs` writes it; a test
/// fails when the checked-in file differs.
struct ManPage {
    /// The commands.
    var table: CommandTable

    /// The roff text.
    func roff() -> String {
        var lines = [
            ".TH S3X 1 \"\" \"s3x \(ShellMain.version)\" \"User Commands\"",
            ".SH NAME",
            "s3x \\- set up and check cross-account S3 scanning on AWS",
            ".SH SYNOPSIS",
            ".nf",
        ]
        lines += synopsis().map(escape)
        lines += [".fi", ".SH DESCRIPTION"]
        lines += HelpText(table: table).overview().prefix(1).map(escape)
        lines += [
            "Every command reads the current state first and changes only what differs; \\fB\\-\\-dry\\-run\\fR",
            "prints the plan without changing anything. Inside s3x, \\fBhelp COMMAND\\fR explains a command and",
            "\\fBexplain COMMAND\\fR lists the API calls it makes.",
            ".SH OPTIONS",
        ]
        for (usage, summary) in options() {
            lines += [".TP", "\\fB\(escape(usage))\\fR", escape(summary)]
        }
        lines.append(".SH COMMANDS")
        for spec in table.commands {
            lines += [".TP", "\\fB\(escape(spec.usage))\\fR", escape(spec.summary)]
        }
        lines += [".SH EXIT STATUS"] + exitStatus().map(escape)
        lines += [
            ".SH ENVIRONMENT",
            ".TP", "\\fBNO_COLOR\\fR", "when set and not empty, no colour (colour is used only on a terminal)",
            ".TP", "\\fBAWS_PROFILE\\fR, \\fBAWS_CONFIG_FILE\\fR, \\fBAWS_SHARED_CREDENTIALS_FILE\\fR",
            "credentials and settings, as the AWS CLI reads them",
            ".TP", "\\fBAWS_ENDPOINT_URL\\fR", "send requests to another endpoint (e.g. an emulator)",
            ".TP", "\\fBS3X_HISTORY\\fR", "the history file (mode 0600; secrets are never written to it)",
            ".SH SEE ALSO",
            "\\fBaws\\fR(1); docs/tutorial.md, docs/commands.md, docs/output.md, docs/troubleshooting.md",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `usage:` lines of `s3x --help`, without the word `usage:`.
    func synopsis() -> [String] {
        let usage = LaunchOptions.usage.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let block = usage.prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return block.map { line in
            let trimmed =
                line.hasPrefix("usage: ") ? String(line.dropFirst(7)) : line.trimmingCharacters(in: .whitespaces)
            return trimmed
        }
    }

    /// The option lines of `s3x --help`, split into usage and summary.
    func options() -> [(String, String)] {
        let usage = LaunchOptions.usage.split(separator: "\n").map(String.init)
        guard let start = usage.firstIndex(of: "options:") else { return [] }
        return usage[(start + 1)...].prefix { $0.hasPrefix("  ") }.map { line in
            let body = line.trimmingCharacters(in: .whitespaces)
            guard let gap = body.range(of: "  ") else { return (body, "") }
            return (String(body[..<gap.lowerBound]), body[gap.upperBound...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// The `exit codes:` paragraph of `s3x --help`.
    func exitStatus() -> [String] {
        let usage = LaunchOptions.usage.split(separator: "\n").map(String.init)
        guard let start = usage.firstIndex(where: { $0.hasPrefix("exit codes:") }) else { return [] }
        let first = String(usage[start].dropFirst("exit codes:".count)).trimmingCharacters(in: .whitespaces)
        let rest = usage[(start + 1)...].prefix { $0.hasPrefix(" ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return [first] + rest
    }

    /// Text made safe for roff: backslashes, dashes, and lines starting with a control character.
    private func escape(_ text: String) -> String {
        var escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = "\\&" + escaped }
        return escaped
    }
}
