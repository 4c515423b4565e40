import Script
import Testing

/// The exact text users see on stderr: header, quoted line, caret, optional hint.
@Suite struct DiagnosticTests {
    @Test func unterminatedQuoteInsideABlock() throws {
        let lines = (1...10).map { "echo \($0)" } + ["each sec1 {", "  bucket create \"prisma-saas"]
        let error = try #require(ScriptTestSupport.error(lines.joined(separator: "\n")))
        let expected = """
            t.s3x:12:17: error: unterminated double quote
                  bucket create "prisma-saas
                                ^
            """
        #expect(error.description == expected)
        #expect(error.diagnostic.render(color: false) == expected)
    }

    @Test func tabsAreReproducedInTheCaretLine() throws {
        let error = try #require(ScriptTestSupport.error("\tbucket\tcreate \"x"))
        #expect(error.location.column == 16)
        let expected =
            "t.s3x:1:16: error: unterminated double quote\n"
            + "    \tbucket\tcreate \"x\n"
            + "    \t      \t       ^"
        #expect(error.description == expected)
    }

    @Test func multibyteCharactersCountAsOneColumn() throws {
        // "e" + U+0301 is one character of three UTF-8 bytes; "é" (U+00E9) is one of two.
        let error = try #require(ScriptTestSupport.error("echo \"cafe\u{301}\" 'na\u{EF}ve ${x}' \u{1F44D}${}"))
        #expect(error.kind == .invalidVariableName(""))
        let expected = """
            t.s3x:1:27: error: empty variable name in '${}'
                echo "cafe\u{301}" 'na\u{EF}ve ${x}' \u{1F44D}${}
                                          ^
            """
        #expect(error.description == expected)
    }

    @Test func warningWithHintPointingAtAWord() throws {
        let source = Source(name: "setup.s3x", text: "account use primary\nrole assume arn --as x --from sec4\n")
        let commands = try Parser.parse(source)
        guard case .command(let command) = commands.last, let word = command.words.last else {
            Issue.record("expected a command")
            return
        }
        let diagnostic = Diagnostic(
            severity: .warning, at: word, in: source, message: "unknown account alias 'sec4'",
            hint: "add it first with 'account add sec4'")
        let expected = """
            setup.s3x:2:31: warning: unknown account alias 'sec4'
                role assume arn --as x --from sec4
                                              ^
                hint: add it first with 'account add sec4'
            """
        #expect(diagnostic.render(color: false) == expected)
    }

    @Test func noteWithoutSourceLine() {
        let diagnostic = Diagnostic(
            severity: .note, location: Script.SourceLocation(file: "-c", line: 1, column: 4),
            message: "block opened here")
        #expect(diagnostic.render(color: false) == "-c:1:4: note: block opened here")
    }

    @Test func caretPastTheEndOfTheLine() {
        let diagnostic = Diagnostic(
            location: Script.SourceLocation(file: "f", line: 1, column: 5), message: "m", sourceLine: "ab")
        #expect(diagnostic.render(color: false) == "f:1:5: error: m\n    ab\n        ^")
    }

    @Test func colourWrapsThePiecesAndStripsBackToPlain() {
        let diagnostic = Diagnostic(
            location: Script.SourceLocation(file: "f", line: 2, column: 3), message: "bad", sourceLine: "a b",
            hint: "fix it")
        let coloured = diagnostic.render(color: true)
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;32m^\u{1B}[0m"))
        #expect(Self.stripEscapes(coloured) == diagnostic.render(color: false))
        #expect(!diagnostic.render(color: false).contains("\u{1B}"))
    }

    @Test func renderedUsesTheGivenLine() {
        let error = ScriptError(
            kind: .unknownVariable("x"), location: Script.SourceLocation(file: "f", line: 3, column: 2))
        #expect(error.description == "f:3:2: error: unknown variable 'x'")
        #expect(error.rendered(sourceLine: "a${x}") == "f:3:2: error: unknown variable 'x'\n    a${x}\n     ^")
    }

    @Test func sourceLines() {
        let source = Source(name: "f", text: "one\r\ntwo\n\nfour")
        #expect(source.line(1) == "one")
        #expect(source.line(2) == "two")
        #expect(source.line(3) == "")
        #expect(source.line(4) == "four")
        #expect(source.line(5) == nil)
        #expect(source.line(0) == nil)
        #expect(source.lineCount == 4)
        #expect(Source(name: "f", text: "a\n").line(2) == "")
        #expect(source.lines(2...9) == ["two", "", "four"])
        #expect(source.lines(1...2) == ["one", "two"])
        #expect(Source(name: "f", text: "é\r\nx\r").lines(1...2) == ["é", "x\r"])
        #expect(Source(name: "f", text: "").lineCount == 1)
    }

    /// Removes ANSI SGR sequences (`ESC [ ... m`).
    static func stripEscapes(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                if character == "m" { inEscape = false }
            } else {
                result.append(character)
            }
        }
        return result
    }
}
