/// The character and length checks shared by every identifier kind.
enum IdentifierRules {
    /// Checks that `value` has a length within `allowed`.
    /// - Throws: `IdentifierError.badLength`.
    static func checkLength(_ value: String, _ kind: IdentifierKind, _ allowed: ClosedRange<Int>)
        throws(IdentifierError)
    {
        guard allowed.contains(value.count) else {
            throw .badLength(kind, value: value, length: value.count, allowed: allowed)
        }
    }

    /// Checks every character against `isAllowed`; `allowed` describes the set for the message.
    /// - Throws: `IdentifierError.invalidCharacter` for the first character outside the set.
    static func checkCharacters(
        _ value: String, _ kind: IdentifierKind, allowed: String, _ isAllowed: (Character) -> Bool
    ) throws(IdentifierError) {
        for (offset, character) in value.enumerated() where !isAllowed(character) {
            throw .invalidCharacter(kind, value: value, character: character, position: offset + 1, allowed: allowed)
        }
    }

    /// ASCII letters and digits only; `Character.isLetter` would also accept "é".
    static func isASCIIAlphanumeric(_ character: Character) -> Bool {
        isASCIILowercase(character) || ascii(character, in: UInt8(ascii: "A")...UInt8(ascii: "Z"))
            || isASCIIDigit(character)
    }

    static func isASCIILowercase(_ character: Character) -> Bool {
        ascii(character, in: UInt8(ascii: "a")...UInt8(ascii: "z"))
    }

    static func isASCIIDigit(_ character: Character) -> Bool {
        ascii(character, in: UInt8(ascii: "0")...UInt8(ascii: "9"))
    }

    /// Compares code points, so a letter with a combining accent is never taken for a plain letter.
    private static func ascii(_ character: Character, in range: ClosedRange<UInt8>) -> Bool {
        guard character.unicodeScalars.count == 1, let value = character.asciiValue else { return false }
        return range.contains(value)
    }

    /// Whether `value` looks like an IPv4 address ("192.168.5.4"), which buckets and trails may not.
    static func looksLikeIPv4Address(_ value: String) -> Bool {
        // Split as bytes (splitting Characters cost ten times as much); the parts are short.
        let parts = value.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map(Substring.init)
        return parts.count == 4
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(isASCIIDigit) && (Int(part) ?? 256) <= 255
            }
    }
}
