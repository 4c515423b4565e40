/// Collects the parts of one word while the lexer reads it, merging adjacent literal text.
struct WordBuilder {
    private var parts: [WordPart] = []
    private var pending = ""

    /// Appends one literal character.
    mutating func append(_ character: Character) {
        pending.append(character)
    }

    /// Appends a `${name}` reference whose `$` is at `location`.
    mutating func appendVariable(named name: String, at location: SourceLocation) {
        flush()
        parts.append(.variable(name: name, location: location))
    }

    /// The parts collected so far; an empty word (such as `""`) has none.
    mutating func finish() -> [WordPart] {
        flush()
        return parts
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        parts.append(.literal(pending))
        pending = ""
    }
}
