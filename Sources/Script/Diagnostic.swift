/// A message about a place in a script, rendered the way compilers do: header, quoted line, caret.
///
/// ```
/// setup.s3x:12:17: error: unterminated double quote
///     bucket create "prisma-saas
///                   ^
///     hint: close the quote
/// ```
/// Syntax errors use it through ``ScriptError/diagnostic``; other modules use it directly for errors
/// that are not syntax errors but still belong to a word of the script, such as an unknown account alias.
public struct Diagnostic: Sendable, Equatable {
    /// How serious the message is; the word shown after the location.
    public enum Severity: String, Sendable, Equatable {
        /// The command cannot run.
        case error
        /// The command runs but probably not as meant.
        case warning
        /// Extra information attached to another message.
        case note
    }

    /// How serious the message is.
    public var severity: Severity
    /// The position the caret points at.
    public var location: SourceLocation
    /// The one-line message.
    public var message: String
    /// The line `location` points into; without it only the header (and hint) are rendered.
    public var sourceLine: String?
    /// An optional suggestion, rendered on its own line as `    hint: ...`.
    public var hint: String?

    /// Creates a diagnostic; it quotes `sourceLine` under the header when given.
    public init(
        severity: Severity = .error, location: SourceLocation, message: String,
        sourceLine: String? = nil, hint: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
        self.hint = hint
    }

    /// Creates a diagnostic pointing at `word`, quoting its line from `source`.
    public init(
        severity: Severity = .error, at word: Word, in source: Source, message: String, hint: String? = nil
    ) {
        self.init(
            severity: severity, location: word.location, message: message,
            sourceLine: source.line(word.location.line), hint: hint)
    }

    /// The diagnostic as lines joined by `\n`, without a trailing newline; ANSI colour when `color` is true.
    ///
    /// The caret line copies every tab before the column from the source line, so the caret lines up
    /// whatever the terminal's tab width.
    public func render(color: Bool) -> String {
        let style = Style(enabled: color)
        var lines = [
            style.bold("\(location):") + " " + style.severity(severity, "\(severity.rawValue):") + " "
                + style.bold(message)
        ]
        if let sourceLine {
            lines.append(Self.indent + sourceLine)
            lines.append(Self.indent + Self.caretPadding(for: sourceLine, column: location.column) + style.caret("^"))
        }
        if let hint {
            lines.append(Self.indent + style.hint("hint:") + " " + hint)
        }
        return lines.joined(separator: "\n")
    }

    /// The indentation of the quoted line, the caret and the hint.
    static let indent = "    "

    /// Blanks that move the caret under `column` of `line`: a tab for each tab, a space for anything else.
    static func caretPadding(for line: String, column: Int) -> String {
        let width = max(column - 1, 0)
        var padding = ""
        for character in line.prefix(width) {
            padding.append(character == "\t" ? "\t" : " ")
        }
        // A column past the end of the line (an error at the line ending) still gets its caret.
        padding += String(repeating: " ", count: max(width - line.count, 0))
        return padding
    }
}
