import Script

/// Helpers shared by the Script tests: parse text and show results in a compact, comparable form.
enum ScriptTestSupport {
    /// The file name every test source uses.
    static let file = "t.s3x"

    /// A source named ``file`` holding `text`.
    static func source(_ text: String) -> Source {
        Source(name: file, text: text)
    }

    /// The word as text, with each variable shown as `⟨name⟩`.
    static func show(_ word: Word) -> String {
        word.parts.map { part in
            switch part {
            case .literal(let text): text
            case .variable(let name, _): "⟨\(name)⟩"
            }
        }.joined()
    }

    /// The top-level commands of `text`, each as its shown words; blocks are shown as `{...}` entries.
    static func words(_ text: String) throws -> [[String]] {
        try Parser.parse(source(text)).map { statement in
            switch statement {
            case .command(let command): command.words.map(show)
            case .block(let header, _, _): header.words.map(show) + ["{...}"]
            }
        }
    }

    /// The top-level commands of `text`, which must hold no blocks.
    static func commands(_ text: String) throws -> [Command] {
        try Parser.parse(source(text)).compactMap { statement in
            guard case .command(let command) = statement else { return nil }
            return command
        }
    }

    /// The error parsing `text` raises, or nil when it parses.
    static func error(_ text: String) -> ScriptError? {
        do throws(ScriptError) {
            _ = try Parser.parse(source(text))
            return nil
        } catch {
            return error
        }
    }

    /// A location in ``file``.
    static func at(_ line: Int, _ column: Int) -> Script.SourceLocation {
        Script.SourceLocation(file: file, line: line, column: column)
    }
}
