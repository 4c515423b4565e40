/// Turns script text into statements: commands, and blocks of statements under a header command.
///
/// Parsing is all or nothing: a script with an error anywhere yields no statements, so a replayed file
/// never runs its first half and then stops on a typo.
public enum Parser {
    /// Parses a whole script.
    ///
    /// - Throws: ``ScriptError`` for the first syntax error, carrying its location and source line.
    public static func parse(_ source: Source) throws(ScriptError) -> [Statement] {
        do throws(ScriptError) {
            return try statements(of: source)
        } catch {
            throw error.attachingLine(from: source)
        }
    }

    /// Parses `text` under the name `name` (a file name, `-c` or `<stdin>`).
    ///
    /// - Throws: ``ScriptError`` for the first syntax error, carrying its location and source line.
    public static func parse(_ text: String, name: String) throws(ScriptError) -> [Statement] {
        try parse(Source(name: name, text: text))
    }

    /// Reads every command and nests it into the block structure.
    private static func statements(of source: Source) throws(ScriptError) -> [Statement] {
        var lexer = Lexer(source: source)
        var blocks = BlockStack()
        while let lexed = try lexer.nextCommand() {
            if let end = try lexed.blockEnd() {
                try blocks.close(at: end)
            } else if let opening = lexed.blockOpening {
                guard lexed.entries.count > 1 else {
                    throw ScriptError(kind: .missingBlockHeader, location: opening)
                }
                blocks.open(header: lexed.blockHeader, at: opening)
            } else {
                blocks.append(.command(lexed.command))
            }
        }
        return try blocks.finish()
    }
}
