/// One word of a command, after quotes and escapes have been removed but before variables are expanded.
///
/// Adjacent quoted and unquoted parts form one word: `a"b"'c'` is the single literal `abc`. Adjacent
/// literal parts are merged, and an empty quoted word (`""`) has no parts at all.
public struct Word: Sendable, Equatable {
    /// The literal and variable parts in order.
    public var parts: [WordPart]
    /// The position of the word's first character (a quote, if it starts with one).
    public var location: SourceLocation
    /// True when any part of the word came from single or double quotes.
    public var isQuoted: Bool

    /// Creates a word from its parts.
    public init(parts: [WordPart], location: SourceLocation, isQuoted: Bool) {
        self.parts = parts
        self.location = location
        self.isQuoted = isQuoted
    }

    /// The word's text when it holds no variables, otherwise nil.
    public var literalValue: String? {
        var value = ""
        for part in parts {
            guard case .literal(let text) = part else { return nil }
            value += text
        }
        return value
    }

    /// The names of the variables the word refers to, in order.
    public var variableNames: [String] {
        parts.compactMap { part in
            guard case .variable(let name, _) = part else { return nil }
            return name
        }
    }
}
