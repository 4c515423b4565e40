/// What one call to ``LineReader/readLine(prompt:)`` produced.
public enum LineInput: Sendable, Equatable {
    /// A complete line, without its line terminator.
    case line(String)
    /// The input ended (Ctrl-D on an empty line, or the end of a pipe or file).
    case endOfFile
    /// The user abandoned the line with Ctrl-C, or SIGINT/SIGTERM arrived while waiting for input.
    case interrupted
}

/// The text around the cursor that a completion function gets to look at.
public struct CompletionContext: Sendable, Equatable {
    /// Everything on the line before the cursor.
    public var lineBeforeCursor: String
    /// The word being completed: the text after the last space or tab before the cursor.
    public var wordBeforeCursor: String

    /// Creates a context; `wordBeforeCursor` is derived from `lineBeforeCursor`.
    public init(lineBeforeCursor: String) {
        self.lineBeforeCursor = lineBeforeCursor
        let wordStart = lineBeforeCursor.lastIndex(where: { $0 == " " || $0 == "\t" })
            .map { lineBeforeCursor.index(after: $0) }
        self.wordBeforeCursor = String(lineBeforeCursor[(wordStart ?? lineBeforeCursor.startIndex)...])
    }
}

/// Reads lines from the user: the shell uses ``EditLineReader`` on a terminal, ``PlainLineReader`` otherwise.
public protocol LineReader: AnyObject {
    /// Shows `prompt` (when editing) and blocks until a line, the end of input or an interruption.
    func readLine(prompt: String) -> LineInput
    /// Adds a line to the in-memory history that the up arrow walks through.
    func addHistoryEntry(_ line: String)
    /// Returns the candidates for the word before the cursor; `nil` disables completion.
    var completion: (@Sendable (CompletionContext) -> [String])? { get set }
}
