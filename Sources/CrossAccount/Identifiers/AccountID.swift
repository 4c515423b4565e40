/// A 12-digit AWS account ID, validated on creation.
public struct AccountID: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The 12 digits, leading zeros kept.
    public let value: String

    /// Validates `text`: exactly 12 ASCII digits, nothing else (no dashes, no spaces).
    /// - Throws: `IdentifierError.badLength` or `.invalidCharacter` naming the first offending character.
    public init(_ text: String) throws(IdentifierError) {
        try IdentifierRules.checkCharacters(text, .accountID, allowed: "digits 0-9", IdentifierRules.isASCIIDigit)
        try IdentifierRules.checkLength(text, .accountID, 12...12)
        value = text
    }

    /// Decodes and validates an account ID written as a JSON string.
    /// - Throws: `DecodingError.dataCorrupted` carrying the validation message.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch {
            let context = DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description)
            throw DecodingError.dataCorrupted(context)
        }
    }

    /// Encodes the 12 digits as a JSON string.
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { value }

    public static func < (lhs: AccountID, rhs: AccountID) -> Bool {
        lhs.value < rhs.value
    }
}
