import Script
import Testing

/// Blocks: `{` at the end of a command opens one, a line holding only `}` closes it, and they nest.
@Suite struct BlockTests {
    @Test func nestedBlocks() throws {
        let text = """
            each sec1 sec2 --jobs 4 {
              account use ${account}
              each a {
                echo x
              }
            }
            done
            """
        let statements = try Parser.parse(ScriptTestSupport.source(text))
        try #require(statements.count == 2)
        guard case .block(let header, let body, let end) = statements[0] else {
            Issue.record("expected a block, got \(statements[0])")
            return
        }
        #expect(header.words.map(ScriptTestSupport.show) == ["each", "sec1", "sec2", "--jobs", "4"])
        #expect(header.text == "each sec1 sec2 --jobs 4")
        #expect(header.location == ScriptTestSupport.at(1, 1))
        #expect(end == ScriptTestSupport.at(6, 1))
        try #require(body.count == 2)
        guard case .command(let use) = body[0], case .block(let inner, let innerBody, let innerEnd) = body[1] else {
            Issue.record("unexpected body \(body)")
            return
        }
        #expect(use.words.map(ScriptTestSupport.show) == ["account", "use", "⟨account⟩"])
        #expect(inner.text == "each a")
        #expect(inner.location == ScriptTestSupport.at(3, 3))
        #expect(innerEnd == ScriptTestSupport.at(5, 3))
        #expect(innerBody.count == 1)
        #expect(innerBody.first?.location == ScriptTestSupport.at(4, 5))
        guard case .command(let done) = statements[1] else {
            Issue.record("expected a command, got \(statements[1])")
            return
        }
        #expect(done.text == "done")
    }

    @Test func blockHeaderTextKeepsCharactersOfSeveralBytes() throws {
        let statements = try Parser.parse(ScriptTestSupport.source("each ünï 🙂 {\n  echo ß\n}"))
        guard case .block(let header, let body, _) = try #require(statements.first) else {
            Issue.record("expected a block, got \(statements)")
            return
        }
        #expect(header.text == "each ünï 🙂")
        #expect(body.first.map { if case .command(let echo) = $0 { echo.text } else { "" } } == "echo ß")
    }

    @Test(arguments: [
        ("a {\n}", [["a", "{...}"]]),
        ("a { # comment\n  b\n} # done", [["a", "{...}"]]),
        ("a {; b; }; c", [["a", "{...}"], ["c"]]),
        ("echo '{'", [["echo", "{"]]),
        ("echo \"{\"", [["echo", "{"]]),
        ("echo \\{", [["echo", "{"]]),
        ("echo {x", [["echo", "{x"]]),
        ("echo { x", [["echo", "{", "x"]]),
        ("echo }", [["echo", "}"]]),
        ("'}'", [["}"]]),
        ("a {\n  b\n}\nc {\n}", [["a", "{...}"], ["c", "{...}"]]),
    ])
    func braceRecognition(input: String, expected: [[String]]) throws {
        #expect(try ScriptTestSupport.words(input) == expected)
    }

    @Test func quotedBraceInsideBlockIsACommand() throws {
        let statements = try Parser.parse(ScriptTestSupport.source("a {\n  echo '}'\n  \"}\"\n}"))
        guard case .block(_, let body, _) = statements.first else {
            Issue.record("expected a block")
            return
        }
        #expect(body.count == 2)
    }

    @Test func deepNesting() throws {
        let depth = 30
        let open = (1...depth).map { "b\($0) {" }.joined(separator: "\n")
        let close = Array(repeating: "}", count: depth).joined(separator: "\n")
        var statements = try Parser.parse(ScriptTestSupport.source(open + "\nleaf\n" + close))
        var seen = 0
        while case .block(let header, let body, _) = statements.first {
            seen += 1
            #expect(header.text == "b\(seen)")
            statements = body
        }
        #expect(seen == depth)
        #expect(statements.count == 1)
    }
}
