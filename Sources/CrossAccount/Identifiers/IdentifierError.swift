/// Why a text is not a valid identifier of its kind: the rule broken and the offending value.
public enum IdentifierError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value is shorter or longer than `allowed` characters.
    case badLength(IdentifierKind, value: String, length: Int, allowed: ClosedRange<Int>)
    /// The character at `position` (1-based) is not one of `allowed`.
    case invalidCharacter(IdentifierKind, value: String, character: Character, position: Int, allowed: String)
    /// A structural rule is broken; `rule` says it in words ("must not contain two adjacent periods").
    case ruleBroken(IdentifierKind, value: String, rule: String)
    /// An ARN field is wrong: `field` names it, `rule` says what it must be.
    case badARNField(IdentifierKind, value: String, field: String, rule: String)

    /// The kind of identifier that failed.
    public var kind: IdentifierKind {
        switch self {
        case .badLength(let kind, _, _, _), .invalidCharacter(let kind, _, _, _, _),
            .ruleBroken(let kind, _, _), .badARNField(let kind, _, _, _):
            return kind
        }
    }

    public var description: String {
        switch self {
        case .badLength(let kind, let value, let length, let allowed):
            let range =
                allowed.count == 1 ? "exactly \(allowed.lowerBound)" : "\(allowed.lowerBound) to \(allowed.upperBound)"
            return "\(kind.rawValue) \(quoted(value)) has \(length) characters; it must have \(range)"
        case .invalidCharacter(let kind, let value, let character, let position, let allowed):
            return """
                \(kind.rawValue) \(quoted(value)) has \(Self.show(character)) at position \(position); \
                only \(allowed) are allowed
                """
        case .ruleBroken(let kind, let value, let rule):
            return "\(kind.rawValue) \(quoted(value)) \(rule)"
        case .badARNField(let kind, let value, let field, let rule):
            return "\(kind.rawValue) \(quoted(value)): the \(field) \(rule)"
        }
    }

    /// Quotes a value the way a shell user would type it back.
    private func quoted(_ value: String) -> String {
        "\"\(value)\""
    }

    /// Shows a character readably: printable ones quoted, others as their Unicode code point.
    private static func show(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        if character.isWhitespace || scalars.contains(where: { $0.properties.generalCategory == .control }) {
            return scalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
                + (character == " " ? " (a space)" : "")
        }
        return "'\(character)'"
    }
}
