import Script
import Testing

/// What the REPL learns from the lines typed so far: run them, ask for more, or report an error.
@Suite struct CompletenessTests {
    /// The three answers, without their payloads.
    enum Answer: Sendable {
        case complete, incomplete, invalid
    }

    @Test(arguments: [
        ("", Answer.complete),
        ("a b", .complete),
        ("a \"b\nc\"", .complete),
        ("each a {\n b\n}", .complete),
        ("a \\\nb", .complete),
        ("a \"b", .incomplete),
        ("a 'b\nc", .incomplete),
        ("a \\", .incomplete),
        ("a \\\n", .incomplete),
        ("each a {", .incomplete),
        ("each a {\n b {\n }", .incomplete),
        ("each a {\n echo \"x", .incomplete),
        ("}", .invalid),
        ("a ${", .invalid),
        ("each a {\n ${}", .invalid),
        ("a \"${}\" \"open", .invalid),
        ("{", .invalid),
    ])
    func answers(input: String, expected: Answer) {
        let answer: Answer =
            switch Parser.completeness(of: input) {
            case .complete: .complete
            case .incomplete: .incomplete
            case .invalid: .invalid
            }
        #expect(answer == expected)
    }

    @Test func completeCarriesTheStatementsAndIncompleteTheError() {
        guard case .complete(let statements) = Parser.completeness(of: "a; b") else {
            Issue.record("expected complete")
            return
        }
        #expect(statements.count == 2)
        guard case .incomplete(let error) = Parser.completeness(of: "x\ny 'z", name: "<stdin>") else {
            Issue.record("expected incomplete")
            return
        }
        #expect(error.location == Script.SourceLocation(file: "<stdin>", line: 2, column: 3))
        #expect(error.kind == .unterminatedQuote(.single))
    }
}
