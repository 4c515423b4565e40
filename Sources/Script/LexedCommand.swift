/// One command as the lexer produced it, before the parser has decided whether it opens or closes a block.
struct LexedCommand {
    /// A word and how it was typed.
    struct Entry {
        /// The parsed word.
        var word: Word
        /// The word exactly as typed, continuation lines joined.
        var raw: String
        /// The length in UTF-8 bytes of the command's text up to the end of this word.
        var textEnd: Int
    }

    /// The words in order; never empty.
    var entries: [Entry]
    /// The command as typed, continuation lines joined, without comment or surrounding blanks.
    var text: String

    /// The command as the parser hands it out.
    var command: Command {
        Command(words: entries.map(\.word), location: location, text: text)
    }

    /// The position of the first word.
    var location: SourceLocation {
        entries[0].word.location
    }

    /// The position of the trailing `{` when the command's last word is an unquoted `{`.
    var blockOpening: SourceLocation? {
        guard let last = entries.last, last.raw == "{" else { return nil }
        return last.word.location
    }

    /// The command without its trailing `{`; call only when ``blockOpening`` is set and a word precedes it.
    var blockHeader: Command {
        let words = entries.dropLast()
        let end = words.last?.textEnd ?? 0
        return Command(words: words.map(\.word), location: location, text: text.prefix(utf8Count: end))
    }

    /// The position of the `}` when the command is an unquoted `}` that closes a block.
    ///
    /// - Throws: ``ScriptError/Kind/unexpectedWordAfterBlockEnd(_:)`` when words follow the `}`.
    func blockEnd() throws(ScriptError) -> SourceLocation? {
        guard entries[0].raw == "}" else { return nil }
        if entries.count > 1 {
            let extra = entries[1]
            throw ScriptError(kind: .unexpectedWordAfterBlockEnd(extra.raw), location: extra.word.location)
        }
        return entries[0].word.location
    }
}

extension String {
    /// The first `count` UTF-8 bytes, which must end where a character does (a word's end).
    func prefix(utf8Count count: Int) -> String {
        String(self[..<utf8.index(startIndex, offsetBy: count)])
    }
}
