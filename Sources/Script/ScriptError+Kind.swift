extension ScriptError {
    /// The kinds of script error; each carries the data its message needs.
    public enum Kind: Sendable, Equatable {
        /// A quote is opened and the input ends before it is closed.
        case unterminatedQuote(QuoteStyle)
        /// `${` has no closing `}` on the same line.
        case unterminatedVariable
        /// The text between `${` and `}` is empty or not a valid name.
        case invalidVariableName(String)
        /// A line holding only `}` appears while no block is open.
        case unexpectedBlockEnd
        /// The input ends while a block opened with `{` is still open.
        case unclosedBlock
        /// A `}` that closes a block is followed by more words on its command.
        case unexpectedWordAfterBlockEnd(String)
        /// A `{` opens a block but no command precedes it.
        case missingBlockHeader
        /// The input ends right after a backslash that continues the line.
        case danglingContinuation
        /// The ``Expander``'s resolver knows no variable of this name.
        case unknownVariable(String)
    }

    /// The two kinds of quote.
    public enum QuoteStyle: Sendable, Equatable {
        /// `'literal'` text.
        case single
        /// `"interpolated"` text.
        case double
    }
}

extension ScriptError.Kind {
    /// The message shown after `error:`.
    public var message: String {
        switch self {
        case .unterminatedQuote(.single): "unterminated single quote"
        case .unterminatedQuote(.double): "unterminated double quote"
        case .unterminatedVariable: "unterminated variable: '${' has no closing '}' on this line"
        case .invalidVariableName(let name) where name.isEmpty: "empty variable name in '${}'"
        case .invalidVariableName(let name): "invalid variable name '\(name)'"
        case .unexpectedBlockEnd: "'}' does not close any block"
        case .unclosedBlock: "block opened here is never closed: end it with a line holding only '}'"
        case .unexpectedWordAfterBlockEnd(let word): "unexpected '\(word)' after '}': '}' must stand alone"
        case .missingBlockHeader: "'{' needs a command before it, as in 'each sec1 sec2 {'"
        case .danglingContinuation: "the input ends after a line continuation '\\'"
        case .unknownVariable(let name): "unknown variable '\(name)'"
        }
    }

    /// True when appending more input could make the script valid.
    public var isIncomplete: Bool {
        switch self {
        case .unterminatedQuote, .unclosedBlock, .danglingContinuation: true
        default: false
        }
    }
}
