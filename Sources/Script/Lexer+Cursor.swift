extension Lexer {
    /// The position of the current character.
    var location: SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// The character `offset` places ahead of the current one, or nil past the end.
    func peek(_ offset: Int = 0) -> Character? {
        let target = index + offset
        return target < characters.count ? characters[target] : nil
    }

    /// True at a backslash that ends its line or the input: a line continuation.
    var isAtContinuation: Bool {
        guard peek() == "\\" else { return false }
        guard let next = peek(1) else { return true }
        return next.isScriptNewline
    }

    /// Moves past the current character, adding it to the command's text when `recording`.
    mutating func advance(recording: Bool = true) {
        let character = characters[index]
        index += 1
        if recording { text.append(character) }
        if character.isScriptNewline {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    /// Removes a backslash and the line ending after it, joining the next line to this command.
    ///
    /// - Throws: ``ScriptError/Kind/danglingContinuation`` when the input ends after the backslash or
    ///   right after its line ending, so the REPL can ask for the line being continued.
    mutating func skipContinuation() throws(ScriptError) {
        let start = location
        advance(recording: false)
        guard peek() != nil else { throw ScriptError(kind: .danglingContinuation, location: start) }
        advance(recording: false)
        guard peek() != nil else { throw ScriptError(kind: .danglingContinuation, location: start) }
    }

    /// Skips a comment up to, not including, the end of its line.
    mutating func skipComment() {
        while let character = peek(), !character.isScriptNewline {
            advance(recording: false)
        }
    }
}
