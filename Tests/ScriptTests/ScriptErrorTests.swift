import Script
import Testing

/// Every syntax error, with its line and column, its message and whether more input could complete it.
@Suite struct ScriptErrorTests {
    @Test(arguments: [
        ("bucket create \"prisma-saas", ScriptError.Kind.unterminatedQuote(.double), 1, 15),
        ("a 'b", .unterminatedQuote(.single), 1, 3),
        ("a\nb \"c\nd", .unterminatedQuote(.double), 2, 3),
        ("a \"it's", .unterminatedQuote(.double), 1, 3),
        ("a 'say \"hi\"", .unterminatedQuote(.single), 1, 3),
        ("caf\u{E9} \"x", .unterminatedQuote(.double), 1, 6),
        ("\ta \"x", .unterminatedQuote(.double), 1, 4),
        ("x ${", .unterminatedVariable, 1, 3),
        ("x ${}", .invalidVariableName(""), 1, 3),
        ("x \"a ${b c}\"", .invalidVariableName("b c"), 1, 6),
        ("}", .unexpectedBlockEnd, 1, 1),
        ("a\n\n\t}", .unexpectedBlockEnd, 3, 2),
        ("a {\n}\n}", .unexpectedBlockEnd, 3, 1),
        ("a {\n b", .unclosedBlock, 1, 3),
        ("a {\n b {\n }", .unclosedBlock, 1, 3),
        ("a {\n  b {\n", .unclosedBlock, 2, 5),
        ("{", .missingBlockHeader, 1, 1),
        ("a {\n  {\n  }\n}", .missingBlockHeader, 2, 3),
        ("a {\n} x", .unexpectedWordAfterBlockEnd("x"), 2, 3),
        ("a {\n} 'x y'", .unexpectedWordAfterBlockEnd("'x y'"), 2, 3),
        ("a \\", .danglingContinuation, 1, 3),
        ("a \\\n", .danglingContinuation, 1, 3),
        ("a\\", .danglingContinuation, 1, 2),
        ("a \\\n  b \\", .danglingContinuation, 2, 5),
    ])
    func locations(input: String, kind: ScriptError.Kind, line: Int, column: Int) throws {
        let error = try #require(ScriptTestSupport.error(input))
        #expect(error.kind == kind)
        #expect(error.location == ScriptTestSupport.at(line, column))
        #expect(error.sourceLine == ScriptTestSupport.source(input).line(line))
    }

    @Test(arguments: [
        (ScriptError.Kind.unterminatedQuote(.single), "unterminated single quote", true),
        (.unterminatedQuote(.double), "unterminated double quote", true),
        (.unclosedBlock, "block opened here is never closed: end it with a line holding only '}'", true),
        (.danglingContinuation, "the input ends after a line continuation '\\'", true),
        (.unterminatedVariable, "unterminated variable: '${' has no closing '}' on this line", false),
        (.invalidVariableName(""), "empty variable name in '${}'", false),
        (.invalidVariableName("a b"), "invalid variable name 'a b'", false),
        (.unexpectedBlockEnd, "'}' does not close any block", false),
        (.unexpectedWordAfterBlockEnd("x"), "unexpected 'x' after '}': '}' must stand alone", false),
        (.missingBlockHeader, "'{' needs a command before it, as in 'each sec1 sec2 {'", false),
        (.unknownVariable("bucket"), "unknown variable 'bucket'", false),
    ])
    func messages(kind: ScriptError.Kind, message: String, incomplete: Bool) {
        let error = ScriptError(kind: kind, location: ScriptTestSupport.at(1, 1))
        #expect(error.message == message)
        #expect(error.isIncomplete == incomplete)
    }

    @Test func errorOnLineFortyReportsLineFortyAndYieldsNothing() throws {
        var lines = (1...39).map { "echo line \($0) \"quoted ${n}\" # comment" }
        lines[9] = "each a b {"
        lines[19] = "}"
        lines.append("bucket create \"prisma-saas")
        let source = ScriptTestSupport.source(lines.joined(separator: "\n") + "\n")
        var statements: [Statement]?
        var thrown: ScriptError?
        do throws(ScriptError) {
            statements = try Parser.parse(source)
        } catch {
            thrown = error
        }
        #expect(statements == nil)
        let error = try #require(thrown)
        #expect(error.location == ScriptTestSupport.at(40, 15))
        #expect(error.sourceLine == "bucket create \"prisma-saas")
        #expect(error.description.hasPrefix("t.s3x:40:15: error: unterminated double quote\n"))
    }

    @Test func thirtyNineGoodLinesParse() throws {
        let lines = (1...39).map { "echo line \($0) \"quoted ${n}\" # comment" }
        #expect(try Parser.parse(ScriptTestSupport.source(lines.joined(separator: "\n"))).count == 39)
    }

    @Test func parseByTextAndNameUsesTheName() {
        #expect(throws: ScriptError.self) { try Parser.parse("a \"b", name: "-c") }
        do throws(ScriptError) {
            _ = try Parser.parse("a \"b", name: "-c")
        } catch {
            #expect(error.location == Script.SourceLocation(file: "-c", line: 1, column: 3))
        }
    }
}
