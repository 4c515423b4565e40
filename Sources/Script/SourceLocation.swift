/// A position in a script: the file name shown to the user, a 1-based line and a 1-based column in characters.
///
/// Columns count `Character`s (grapheme clusters), not bytes, so a caret drawn under a line holding
/// multibyte UTF-8 still lines up in a terminal that shows one cell per character.
public struct SourceLocation: Sendable, Equatable, Hashable {
    /// The name shown in diagnostics: a file name, `-c` or `<stdin>`.
    public var file: String
    /// The line, counted from 1.
    public var line: Int
    /// The column, counted from 1 in characters.
    public var column: Int

    /// Creates a location from its parts.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

extension SourceLocation: CustomStringConvertible {
    /// The location as `FILE:LINE:COLUMN`, the prefix of every diagnostic.
    public var description: String {
        "\(file):\(line):\(column)"
    }
}
