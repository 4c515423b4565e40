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
        lines(number...number).first
    }

    /// The texts of the lines numbered `numbers` that the source has, in order, read in one pass
    /// over its bytes (a `\n` always ends a Swift `Character`, so bytes and characters agree).
    public func lines(_ numbers: ClosedRange<Int>) -> [String] {
        var found: [String] = []
        var current = 1
        let bytes = text.utf8
        var start = bytes.startIndex
        func take(upTo end: String.Index, endsWithNewline: Bool) {
            guard numbers.contains(current) else { return }
            var last = end
            if endsWithNewline, last > start, bytes[bytes.index(before: last)] == UInt8(ascii: "\r") {
                last = bytes.index(before: last)
            }
            found.append(String(text[start..<last]))
        }
        var index = start
        while index < bytes.endIndex, current <= numbers.upperBound {
            if bytes[index] == UInt8(ascii: "\n") {
                take(upTo: index, endsWithNewline: true)
                current += 1
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if index == bytes.endIndex { take(upTo: bytes.endIndex, endsWithNewline: false) }
        return found
    }

    /// The number of lines, counting a last line without a line ending; an empty source has one empty line.
    public var lineCount: Int {
        text.reduce(1) { count, character in character.isScriptNewline ? count + 1 : count }
    }
}
