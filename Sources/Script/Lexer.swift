/// Splits script text into commands of words, one command per call, removing quotes, escapes and comments.
///
/// The lexer counts lines and columns in `Character`s as it goes, so every word, variable and error
/// carries the position the user sees in an editor. It knows nothing about blocks: the ``Parser``
/// recognises `{` and `}` from the words it returns.
struct Lexer {
    /// The escapes a backslash takes inside double quotes; before any other character it stays literal.
    static let doubleQuoteEscapes: Set<Character> = ["\"", "\\", "$", "`"]

    let file: String
    let characters: [Character]
    var index = 0
    var line = 1
    var column = 1
    /// The current command's text as typed, without continuations and comments. A `String`, not
    /// `[Character]`: the words' and commands' texts are slices of it, and making a `String` of
    /// `Character`s one by one cost more than the rest of parsing (a thousand instructions each).
    var text = ""

    /// Creates a lexer positioned at the start of `source`.
    init(source: Source) {
        file = source.name
        characters = Array(source.text)
    }

    /// The next non-empty command, or nil at the end of the input.
    ///
    /// Commands end at a line ending or an unquoted `;`; empty commands are skipped.
    /// - Throws: ``ScriptError`` for an unterminated quote or variable, an invalid variable name, or a
    ///   continuation at the end of the input. The error has no source line attached yet.
    mutating func nextCommand() throws(ScriptError) -> LexedCommand? {
        var entries: [LexedCommand.Entry] = []
        text = ""
        while let character = peek() {
            if character.isScriptBlank {
                advance(recording: !entries.isEmpty)
            } else if isAtContinuation {
                try skipContinuation()
            } else if character.isScriptNewline || character == ";" {
                advance(recording: false)
                if !entries.isEmpty { break }
            } else if character == "#" {
                skipComment()
            } else {
                entries.append(try lexWord())
            }
        }
        guard let last = entries.last else { return nil }
        return LexedCommand(entries: entries, text: text.prefix(utf8Count: last.textEnd))
    }

    /// Reads one word starting at the current character, which is not a blank, line ending, `;` or `#`.
    private mutating func lexWord() throws(ScriptError) -> LexedCommand.Entry {
        let start = location
        let rawStart = text.endIndex
        var builder = WordBuilder()
        var isQuoted = false
        while let character = peek(), !character.isScriptBlank, !character.isScriptNewline, character != ";" {
            switch character {
            case "\\" where isAtContinuation:
                try skipContinuation()
            case "\\":
                let backslash = location
                advance()
                guard let escaped = peek() else {
                    throw ScriptError(kind: .danglingContinuation, location: backslash)
                }
                advance()
                builder.append(escaped)
            case "'":
                isQuoted = true
                try lexSingleQuoted(into: &builder)
            case "\"":
                isQuoted = true
                try lexDoubleQuoted(into: &builder)
            case "$" where peek(1) == "{":
                try lexVariable(into: &builder)
            default:
                advance()
                builder.append(character)
            }
        }
        let word = Word(parts: builder.finish(), location: start, isQuoted: isQuoted)
        return LexedCommand.Entry(word: word, raw: String(text[rawStart...]), textEnd: text.utf8.count)
    }

    /// Reads `'...'`, taking everything up to the closing quote literally, line endings included.
    private mutating func lexSingleQuoted(into builder: inout WordBuilder) throws(ScriptError) {
        let start = location
        advance()
        while true {
            guard let character = peek() else {
                throw ScriptError(kind: .unterminatedQuote(.single), location: start)
            }
            advance()
            if character == "'" { return }
            builder.append(character)
        }
    }

    /// Reads `"..."`, taking `${name}` and the escapes in ``doubleQuoteEscapes``.
    private mutating func lexDoubleQuoted(into builder: inout WordBuilder) throws(ScriptError) {
        let start = location
        advance()
        while true {
            guard let character = peek() else {
                throw ScriptError(kind: .unterminatedQuote(.double), location: start)
            }
            if character == "\"" {
                advance()
                return
            } else if character == "\\", let next = peek(1), Self.doubleQuoteEscapes.contains(next) {
                advance()
                advance()
                builder.append(next)
            } else if character == "$", peek(1) == "{" {
                try lexVariable(into: &builder)
            } else {
                advance()
                builder.append(character)
            }
        }
    }

    /// Reads `${name}`; the name runs to the first `}` on the same line.
    private mutating func lexVariable(into builder: inout WordBuilder) throws(ScriptError) {
        let start = location
        var end = index + 2
        while end < characters.count, characters[end] != "}", !characters[end].isScriptNewline {
            end += 1
        }
        guard end < characters.count, characters[end] == "}" else {
            throw ScriptError(kind: .unterminatedVariable, location: start)
        }
        let name = String(characters[(index + 2)..<end])
        guard VariableName.isValid(name) else {
            throw ScriptError(kind: .invalidVariableName(name), location: start)
        }
        while index <= end { advance() }
        builder.appendVariable(named: name, at: start)
    }
}
