import Testing

@testable import CrossAccount

@Suite struct JSONValueTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue(parsing: #"{"o": {"a": [1, 1.5, -2, true, false, null, "s"]}}"#)
        #expect(value == ["o": ["a": [1, .number(1.5), -2, true, false, .null, "s"]]])
    }

    @Test func booleansAreNotNumbers() throws {
        let value = try JSONValue(parsing: "[true, 1, false, 0]")
        #expect(value == [.bool(true), .number(1), .bool(false), .number(0)])
    }

    @Test func canonicalTextSortsKeysAndDropsWhitespace() throws {
        let first = try JSONValue(parsing: "{\n  \"b\": 1,\n  \"a\": [ \"x\" , {\"d\": null, \"c\": true} ]\n}")
        let second = try JSONValue(parsing: #"{"a":["x",{"c":true,"d":null}],"b":1}"#)
        #expect(first == second)
        #expect(first.compactText == #"{"a":["x",{"c":true,"d":null}],"b":1}"#)
    }

    @Test func prettyTextIndentsTwoSpaces() throws {
        let value = try JSONValue(parsing: #"{"b":[1,{}],"a":"x","c":[]}"#)
        let expected = """
            {
              "a": "x",
              "b": [
                1,
                {}
              ],
              "c": []
            }
            """
        #expect(value.prettyText == expected)
    }

    @Test func stringsEscapeOnlyWhatJSONRequires() throws {
        let value = JSONValue.string("a/b \"q\" \\ é\n\t\u{01}")
        #expect(value.compactText == #""a/b \"q\" \\ é\n\t\u0001""#)
        #expect(try JSONValue(parsing: value.compactText) == value)
    }

    @Test(arguments: [
        ("1", "1"), ("1.5", "1.5"), ("-0.25", "-0.25"), ("1e2", "100"), ("12345678901", "12345678901"),
    ])
    func numbersPrintInShortestForm(text: String, expected: String) throws {
        #expect(try JSONValue(parsing: text).compactText == expected)
    }

    @Test func unknownFieldsRoundTrip() throws {
        let text = #"{"Version":"2012-10-17","X-Extra":{"deep":[1,{"k":"v"}]},"Statement":[]}"#
        let value = try JSONValue(parsing: text)
        #expect(try JSONValue(parsing: value.compactText) == value)
        #expect(value["X-Extra"] == ["deep": [1, ["k": "v"]]])
    }

    @Test func stringOrArrayReadsBothForms() {
        #expect(JSONValue.string("a").stringOrArrayValues == ["a"])
        #expect(JSONValue.array(["a", "b"]).stringOrArrayValues == ["a", "b"])
        #expect(JSONValue.number(1).stringOrArrayValues == [])
    }

    @Test func syntaxErrorGivesLineColumnAndCaret() {
        let text = "{\n  \"a\": [1,\n    tru]\n}"
        #expect {
            _ = try JSONValue(parsing: text)
        } throws: { error in
            guard case .malformedJSON(let syntax) = error as? PolicyError else { return false }
            return syntax.line == 3 && syntax.lineText == "    tru]"
                && syntax.description.hasPrefix("malformed JSON at line 3, column")
                && syntax.description.contains("\n        tru]\n")
        }
    }

    @Test func missingColonIsLocatedExactly() throws {
        let error = try #require(throws: PolicyError.self) { try JSONValue(parsing: "{\"é\": 1, \"a\" 2}") }
        guard case .malformedJSON(let syntax) = error else {
            Issue.record("expected malformedJSON, got \(error)")
            return
        }
        // Foundation reports the byte offset of "2"; the column counts "é" as one character.
        #expect(syntax.line == 1)
        #expect(syntax.column == 14)
        #expect(syntax.reason == "invalid value")
        #expect(
            syntax.description
                == "malformed JSON at line 1, column 14: invalid value\n    {\"é\": 1, \"a\" 2}\n                 ^")
    }

    @Test func truncatedTextPointsAtTheEnd() throws {
        let error = try #require(throws: PolicyError.self) { try JSONValue(parsing: "{\"a\": [1,\n2") }
        guard case .malformedJSON(let syntax) = error else {
            Issue.record("expected malformedJSON, got \(error)")
            return
        }
        #expect(syntax.reason == "unexpected end of input")
        #expect(syntax.line == 2)
        #expect(syntax.column == 2)
    }

    @Test func emptyTextIsMalformed() {
        #expect(throws: PolicyError.self) { try JSONValue(parsing: "") }
    }

    @Test(arguments: [
        ("s3:*", "s3:PutObject", true), ("s3:Put*", "s3:PutObject", true), ("s3:Get*", "s3:PutObject", false),
        ("*", "anything", true), ("s3:?utObject", "s3:PutObject", true), ("a*b*c", "aXbYc", true),
        ("a*b*c", "aXbY", false), ("", "", true), ("", "x", false),
    ])
    func wildcardMatches(pattern: String, value: String, expected: Bool) {
        #expect(Wildcard.matches(pattern: pattern, value: value) == expected)
    }

    @Test func wildcardCaseFolding() {
        #expect(Wildcard.matches(pattern: "S3:putobject", value: "s3:PutObject", caseSensitive: false))
        #expect(!Wildcard.matches(pattern: "S3:putobject", value: "s3:PutObject"))
    }
}
