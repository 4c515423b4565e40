import Script
import Testing

/// Quoting, escapes, comments, `;` and line continuation, as tables of input and expected words.
@Suite struct LexerTests {
    @Test(arguments: [
        ("a b c", [["a", "b", "c"]]),
        ("  a\t b  ", [["a", "b"]]),
        ("'a b'", [["a b"]]),
        ("\"a b\"", [["a b"]]),
        ("a\"b\"'c'", [["abc"]]),
        ("'$HOME ${x}'", [["$HOME ${x}"]]),
        ("\"it's\"", [["it's"]]),
        ("'say \"hi\"'", [["say \"hi\""]]),
        ("\"\"", [[""]]),
        ("'' x", [["", "x"]]),
        ("x '' \"\"", [["x", "", ""]]),
        ("'a\nb'", [["a\nb"]]),
        ("\"a\nb\" c", [["a\nb", "c"]]),
        ("bucket create \"prisma saas\" --cloudtrail", [["bucket", "create", "prisma saas", "--cloudtrail"]]),
    ])
    func quoting(input: String, expected: [[String]]) throws {
        #expect(try ScriptTestSupport.words(input) == expected)
    }

    @Test(arguments: [
        ("\"a\\\"b\"", "a\"b"),
        ("\"a\\\\b\"", "a\\b"),
        ("\"\\$x\"", "$x"),
        ("\"\\`\"", "`"),
        ("\"\\n\"", "\\n"),
        ("\"a\\'b\"", "a\\'b"),
        ("'a\\'", "a\\"),
        ("a\\ b", "a b"),
        ("\\'x", "'x"),
        ("\\\"x", "\"x"),
        ("a\\\\b", "a\\b"),
        ("\\#x", "#x"),
        ("\\n", "n"),
        ("a\\;b", "a;b"),
        ("\\${x}", "${x}"),
        ("\"\\${x}\"", "${x}"),
        ("$x", "$x"),
        ("a$", "a$"),
        ("\"$\"", "$"),
        ("$$", "$$"),
        ("caf\u{E9}", "caf\u{E9}"),
    ])
    func escapesAndDollars(input: String, expected: String) throws {
        #expect(try ScriptTestSupport.words(input) == [[expected]])
    }

    @Test(arguments: [
        ("# only a comment", []),
        ("a #b", [["a"]]),
        ("a#b", [["a#b"]]),
        ("a\t# tab then comment", [["a"]]),
        ("\"a # b\"", [["a # b"]]),
        ("'#' x", [["#", "x"]]),
        ("\"a\"#b", [["a#b"]]),
        ("a # b; c", [["a"]]),
        ("a # b\nc", [["a"], ["c"]]),
        ("# c \\\nb", [["b"]]),
        ("a;b", [["a"], ["b"]]),
        ("a ; b;; c", [["a"], ["b"], ["c"]]),
        (";;", []),
        ("'a;b'", [["a;b"]]),
        ("\"a;b\"", [["a;b"]]),
        ("a\n\n  \n\tb", [["a"], ["b"]]),
        ("a b\r\nc", [["a", "b"], ["c"]]),
    ])
    func commentsAndSeparators(input: String, expected: [[String]]) throws {
        #expect(try ScriptTestSupport.words(input) == expected)
    }

    @Test(arguments: [
        ("a \\\n  b", [["a", "b"]]),
        ("a\\\nb", [["ab"]]),
        ("a\\\r\nb", [["ab"]]),
        ("a\\\n\\\nb c", [["ab", "c"]]),
        ("\\\na", [["a"]]),
        ("a \\\n# comment\nb", [["a"], ["b"]]),
        ("'a\\\nb'", [["a\\\nb"]]),
        ("\"a\\\nb\"", [["a\\\nb"]]),
        ("x \\\n--flag=1 \\\n  --other", [["x", "--flag=1", "--other"]]),
    ])
    func continuation(input: String, expected: [[String]]) throws {
        #expect(try ScriptTestSupport.words(input) == expected)
    }

    @Test(arguments: [
        ("  bucket create \"x y\"  # comment", ["bucket create \"x y\""]),
        ("a \\\n   b", ["a    b"]),
        ("a\\\nb c", ["ab c"]),
        ("a;  b ", ["a", "b"]),
        ("echo 'multi\nline'", ["echo 'multi\nline'"]),
        ("set x \"${a}\" \t", ["set x \"${a}\""]),
        // Characters of several bytes, and one of several scalars (e with a combining acute accent).
        ("echo café 🙂  ; echo cafe\u{301} ", ["echo café 🙂", "echo cafe\u{301}"]),
    ])
    func commandText(input: String, expected: [String]) throws {
        #expect(try ScriptTestSupport.commands(input).map(\.text) == expected)
    }

    @Test func wordShapes() throws {
        let words = try #require(try ScriptTestSupport.commands("a\"b\"'c' plain \"\" x${y}").first).words
        try #require(words.count == 4)
        #expect(words[0].parts == [.literal("abc")])
        #expect(words[0].isQuoted)
        #expect(!words[1].isQuoted)
        #expect(words[1].literalValue == "plain")
        #expect(words[2].parts.isEmpty)
        #expect(words[2].literalValue == "")
        #expect(words[2].isQuoted)
        #expect(words[3].literalValue == nil)
        #expect(words[3].variableNames == ["y"])
    }

    @Test func wordAndCommandLocations() throws {
        let commands = try ScriptTestSupport.commands("  ab \"c d\"\n\tx; y 'z'\ncaf\u{E9} w")
        #expect(
            commands.map(\.location) == [
                ScriptTestSupport.at(1, 3), ScriptTestSupport.at(2, 2), ScriptTestSupport.at(2, 5),
                ScriptTestSupport.at(3, 1),
            ])
        #expect(
            commands.flatMap(\.words).map(\.location) == [
                ScriptTestSupport.at(1, 3), ScriptTestSupport.at(1, 6), ScriptTestSupport.at(2, 2),
                ScriptTestSupport.at(2, 5), ScriptTestSupport.at(2, 7), ScriptTestSupport.at(3, 1),
                ScriptTestSupport.at(3, 6),
            ])
    }

    @Test func locationsAfterMultilineQuoteAndContinuation() throws {
        let commands = try ScriptTestSupport.commands("a 'x\ny' b \\\n  c\nd")
        let locations = commands.flatMap(\.words).map(\.location)
        #expect(
            locations == [
                ScriptTestSupport.at(1, 1), ScriptTestSupport.at(1, 3), ScriptTestSupport.at(2, 4),
                ScriptTestSupport.at(3, 3), ScriptTestSupport.at(4, 1),
            ])
    }
}
