import Script

/// Renders failures for stderr: `FILE:LINE:COLUMN: error: ...` with the line and a caret for
/// scripts, a short `error: ...` at the interactive prompt.
struct DiagnosticPrinter {
    /// Decides colour.
    var output: Output
    /// The session's output format (JSON adds nothing to stderr; it is for stdout).
    var format: OutputFormat

    /// The lines to print for `error` raised while running `source`.
    func lines(_ error: ShellError, source: Source, interactive: Bool) -> [String] {
        let color = output.colorErr
        switch error {
        case .syntax(let scriptError):
            let withLine = scriptError.attachingLine(from: source)
            return render(withLine.diagnostic, interactive: interactive, color: color)
        case .usage(let message, let location, let hint):
            guard let location else { return plain(message, hint: hint, color: color) }
            let diagnostic = Diagnostic(
                location: location, message: message, sourceLine: source.line(location.line), hint: hint)
            return render(diagnostic, interactive: interactive, color: color)
        case .failed(let command, let account, let message, let hint, let location):
            let subject = account.map { "\(command) in \($0)" } ?? command
            let text = "\(subject): \(message)"
            guard let location else { return plain(text, hint: hint, color: color) }
            let diagnostic = Diagnostic(
                location: location, message: text, sourceLine: source.line(location.line), hint: hint)
            return render(diagnostic, interactive: interactive, color: color)
        case .interrupted:
            return ["interrupted: stopped before the next command; what ran is listed above"]
        case .exit:
            return []
        }
    }

    /// The JSON error object for stdout when the format is JSON (docs/output.md), else nil.
    func json(_ error: ShellError) -> String? {
        guard format == .json else { return nil }
        switch error {
        case .syntax(let scriptError):
            return ReportJSON.error(
                ReportJSON.ErrorObject(kind: "syntax", message: scriptError.message, location: scriptError.location))
        case .usage(let message, let location, let hint):
            return ReportJSON.error(
                ReportJSON.ErrorObject(kind: "usage", message: message, hint: hint, location: location))
        case .failed(let command, let account, let message, let hint, let location):
            return ReportJSON.error(
                ReportJSON.ErrorObject(
                    kind: "failed", command: command, account: account, message: message, hint: hint,
                    location: location))
        case .interrupted:
            return ReportJSON.error(ReportJSON.ErrorObject(kind: "interrupted", message: "interrupted"))
        case .exit:
            return nil
        }
    }

    private func render(_ diagnostic: Diagnostic, interactive: Bool, color: Bool) -> [String] {
        guard interactive else { return diagnostic.render(color: color).components(separatedBy: "\n") }
        return plain(diagnostic.message, hint: diagnostic.hint, color: color)
    }

    private func plain(_ message: String, hint: String?, color: Bool) -> [String] {
        let label = color ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
        return ["\(label) \(message)"] + (hint.map { ["  hint: \($0)"] } ?? [])
    }
}
