import CrossAccount
import Testing

@Suite struct PolicyDiffTests {
    @Test func addedResourceShowsAsOnePlusLine() throws {
        let old = try PolicyFixtures.document(
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":["a"]}]}"#)
        let new = try PolicyFixtures.document(
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":["a","b"]}]}"#)
        let expected = [
            "  {",
            "    \"Statement\": [",
            "      {",
            "        \"Effect\": \"Allow\",",
            "        \"Resource\": [",
            "-         \"a\"",
            "+         \"a\",",
            "+         \"b\"",
            "        ]",
            "      }",
            "    ],",
            "    \"Version\": \"2012-10-17\"",
            "  }",
        ]
        #expect(PolicyDiff.render(old: old, new: new) == expected)
        #expect(PolicyDiff.differ(old: old, new: new))
    }

    @Test func equalDocumentsHaveNoMarkedLines() throws {
        let old = try PolicyFixtures.document(#"{"Statement":[],"Version":"2012-10-17"}"#)
        let new = try PolicyFixtures.document("{ \"Version\": \"2012-10-17\",\n \"Statement\": [] }")
        let lines = PolicyDiff.render(old: old, new: new)
        #expect(lines.allSatisfy { $0.hasPrefix("  ") })
        #expect(!PolicyDiff.differ(old: old, new: new))
    }

    @Test func missingOldDocumentIsAllAdditions() throws {
        let new = try PolicyFixtures.document(#"{"Statement":[]}"#)
        #expect(PolicyDiff.render(old: nil, new: new) == ["+ {", "+   \"Statement\": []", "+ }"])
    }

    @Test func removalsComeBeforeAdditions() {
        #expect(PolicyDiff.lines(old: ["a", "x", "c"], new: ["a", "y", "c"]) == ["  a", "- x", "+ y", "  c"])
        #expect(PolicyDiff.lines(old: ["a", "b"], new: []) == ["- a", "- b"])
    }
}
