/// The text of a script together with the name its diagnostics show.
///
/// The module never reads files: the shell hands over the text, and keeps this value around so that a
/// diagnostic can quote the offending line with ``line(_:)``.
public struct Source: Sendable, Equatable {
    /// The name shown in diagnostics: a file name, `-c` or `<stdin>`.
    public var name: String
    /// The whole script.
    public var text: String

    /// Creates a source from its name and text.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The text of line `number` (1-based) without its line ending, or nil when the source has no such line.
    ///
    /// Lines end at `\n` or `\r\n`, the same rule the lexer counts lines with, so a location reported by
    /// the parser always names a line this returns.
    public func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index].isScriptNewline {
                if current == number { return String(text[start..<index]) }
                current += 1
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return current == number ? String(text[start..<text.endIndex]) : nil
    }

    /// The number of lines, counting a last line without a line ending; an empty source has one empty line.
    public var lineCount: Int {
        text.reduce(1) { count, character in character.isScriptNewline ? count + 1 : count }
    }
}
