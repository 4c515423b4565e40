/// A CloudTrail trail name, validated on creation.
///
/// Rules from the CloudTrail API reference (`CreateTrail`, `Name`): 3 to 128 characters; ASCII letters,
/// digits, periods, underscores and hyphens; starting and ending with a letter or digit; no two of
/// `.`, `_`, `-` side by side; not formatted as an IP address.
public struct TrailName: Sendable, Hashable, CustomStringConvertible {
    /// The validated name.
    public let value: String

    /// Validates `text` as a trail name.
    /// - Throws: `IdentifierError` naming the first rule broken, with the position where useful.
    public init(_ text: String) throws(IdentifierError) {
        try IdentifierRules.checkLength(text, .trailName, 3...128)
        let separators: Set<Character> = [".", "_", "-"]
        try IdentifierRules.checkCharacters(text, .trailName, allowed: "ASCII letters, digits, '.', '_' and '-'") {
            IdentifierRules.isASCIIAlphanumeric($0) || separators.contains($0)
        }
        if let first = text.first, separators.contains(first) {
            throw .ruleBroken(.trailName, value: text, rule: "must start with a letter or a digit")
        }
        if let last = text.last, separators.contains(last) {
            throw .ruleBroken(.trailName, value: text, rule: "must end with a letter or a digit")
        }
        let characters = Array(text)
        for index in characters.indices.dropFirst()
        where separators.contains(characters[index - 1]) && separators.contains(characters[index]) {
            let pair = String(characters[(index - 1)...index])
            throw .ruleBroken(
                .trailName, value: text,
                rule: "must not have \"\(pair)\" at position \(index): '.', '_' and '-' may not be adjacent")
        }
        if IdentifierRules.looksLikeIPv4Address(text) {
            throw .ruleBroken(.trailName, value: text, rule: "must not be formatted as an IP address")
        }
        value = text
    }

    public var description: String { value }
}
