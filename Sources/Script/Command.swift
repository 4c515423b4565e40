/// One command of a script: its words and the text the user typed for it.
public struct Command: Sendable, Equatable {
    /// The words in order; never empty for a command the parser produced.
    public var words: [Word]
    /// The position of the first word.
    public var location: SourceLocation
    /// The command as typed: continuation lines joined, the comment and surrounding blanks removed.
    ///
    /// For a block header the trailing `{` is not part of the text, as it is not part of ``words``.
    public var text: String

    /// Creates a command from its parts.
    public init(words: [Word], location: SourceLocation, text: String) {
        self.words = words
        self.location = location
        self.text = text
    }
}
