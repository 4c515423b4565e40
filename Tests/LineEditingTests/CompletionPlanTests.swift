import Testing

@testable import LineEditing

@Suite struct CompletionPlanTests {
    @Test func noCandidatesChangesNothing() {
        #expect(CompletionPlan(word: "x", candidates: []) == CompletionPlan(replacement: nil, listed: []))
    }

    @Test func oneCandidateGetsASpaceUnlessItEndsInSlash() {
        #expect(CompletionPlan(word: "st", candidates: ["status"]).replacement == "status ")
        #expect(CompletionPlan(word: "lo", candidates: ["logs/"]).replacement == "logs/")
        #expect(CompletionPlan(word: "st", candidates: ["status", "status"]).listed.isEmpty)
    }

    @Test func severalCandidatesShareTheirCommonPrefix() {
        let plan = CompletionPlan(word: "a", candidates: ["alias-add", "alias-remove"])
        #expect(plan == CompletionPlan(replacement: "alias-", listed: ["alias-add", "alias-remove"]))
    }

    @Test func aPrefixThatDoesNotExtendTheWordIsNotApplied() {
        #expect(
            CompletionPlan(word: "ab", candidates: ["abc", "abd"])
                == CompletionPlan(replacement: nil, listed: ["abc", "abd"]))
        #expect(CompletionPlan(word: "ab", candidates: ["xa", "xb"]).replacement == nil)
        #expect(CompletionPlan(word: "Ab", candidates: ["abc", "abd"]).replacement == nil)
    }

    @Test func commonPrefixComparesCharacters() {
        #expect(CompletionPlan.commonPrefix(of: ["café-a", "café-b"]) == "café-")
        #expect(CompletionPlan.commonPrefix(of: ["x", "y"]) == "")
    }

    @Test func listingFillsRowsToTheWidth() {
        let text = CompletionPlan.listing(["ccc", "a", "bb"], width: 10)
        #expect(text == "a    bb\nccc\n")
    }

    @Test func contextTakesTheWordAfterTheLastBlank() {
        #expect(CompletionContext(lineBeforeCursor: "use\tacct prod").wordBeforeCursor == "prod")
        #expect(CompletionContext(lineBeforeCursor: "show ").wordBeforeCursor == "")
        #expect(CompletionContext(lineBeforeCursor: "show").wordBeforeCursor == "show")
    }
}
