import Script
import Testing

/// Random input never crashes the parser, and every location it reports points at a real character.
@Suite struct FuzzTests {
    /// SplitMix64: a small seeded generator so failures reproduce.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Characters that matter to the lexer, plus some that only take up columns.
    static let alphabet: [String] = [
        " ", "\t", "\n", "\r\n", "\\", "'", "\"", "$", "{", "}", ";", "#", "a", "b", "1", ".", "-", "_",
        "\u{E9}", "e\u{301}", "\u{1F44D}", "`",
    ]

    @Test func randomBytes() {
        var generator = SplitMix64(state: 0x5EED)
        for _ in 0..<1500 {
            let count = Int.random(in: 0...48, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            Self.check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func randomSyntax() {
        var generator = SplitMix64(state: 0xC0FFEE)
        for _ in 0..<3000 {
            let count = Int.random(in: 0...40, using: &generator)
            let text = (0..<count).map { _ in Self.alphabet.randomElement(using: &generator) ?? "" }.joined()
            Self.check(text)
        }
    }

    /// Parses `text` and checks every reported location against the source.
    static func check(_ text: String) {
        let source = Source(name: "fuzz", text: text)
        do throws(ScriptError) {
            let statements = try Parser.parse(source)
            for location in locations(in: statements) {
                #expect(pointsAtCharacter(location, in: source), "\(location) in \(text.debugDescription)")
            }
            guard case .complete = Parser.completeness(of: text, name: "fuzz") else {
                Issue.record("completeness disagrees with parse for \(text.debugDescription)")
                return
            }
        } catch {
            #expect(pointsAtCharacter(error.location, in: source), "\(error.kind) in \(text.debugDescription)")
            #expect(error.sourceLine == source.line(error.location.line))
            #expect(error.description.hasPrefix("\(error.location): error: "))
        }
    }

    /// True when `location` names an existing line of `source` and a character on it.
    static func pointsAtCharacter(_ location: Script.SourceLocation, in source: Source) -> Bool {
        guard location.file == source.name, let line = source.line(location.line) else { return false }
        return location.column >= 1 && location.column <= line.count
    }

    /// Every command, word, variable and block-end location in `statements`.
    static func locations(in statements: [Statement]) -> [Script.SourceLocation] {
        statements.flatMap { statement -> [Script.SourceLocation] in
            switch statement {
            case .command(let command):
                return locations(of: command)
            case .block(let header, let body, let end):
                return locations(of: header) + locations(in: body) + [end]
            }
        }
    }

    private static func locations(of command: Command) -> [Script.SourceLocation] {
        [command.location]
            + command.words.flatMap { word in
                [word.location]
                    + word.parts.compactMap { part in
                        guard case .variable(_, let location) = part else { return nil }
                        return location
                    }
            }
    }
}
