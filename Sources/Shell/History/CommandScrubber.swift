import AWS
import Foundation

/// Removes secrets from command text before it is recorded or shown.
///
/// s3x never takes a secret as an argument, but a person may paste one anyway: every value the
/// session knows to be secret is masked, and so is any word shaped like a secret access key
/// (40 characters of base64 with at least one digit, one lower and one upper case letter).
enum CommandScrubber {
    /// `text` with secrets masked.
    static func scrub(_ text: String, knownSecrets: [String]) -> String {
        let result = Redactor.masking(knownSecrets.filter { $0.count >= 8 }, in: text)
        return maskSecretShapedWords(result)
    }

    private static func maskSecretShapedWords(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? maskSecretShapedASCIIWords(text) : maskSecretShapedCharacterWords(text)
    }

    /// The same, as bytes, for ASCII text (nearly every command; a generated `role assume` line for a
    /// hundred accounts is 8 KB, and Unicode whitespace tests per Character cost 20 times more).
    private static func maskSecretShapedASCIIWords(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var wordStart = 0
        func flush() {
            let word = output[wordStart...]
            if word.count == 40, looksLikeSecretKey(asciiBytes: word) {
                output.replaceSubrange(wordStart..., with: "<redacted>".utf8)
            }
        }
        for byte in text.utf8 {
            // ASCII's White_Space characters (what Character.isWhitespace tests), quotes and `=`.
            let separates =
                byte == 0x20 || (0x09...0x0D).contains(byte) || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "=")
            if separates { flush() }
            output.append(byte)
            if separates { wordStart = output.count }
        }
        flush()
        return String(decoding: output, as: UTF8.self)
    }

    private static func maskSecretShapedCharacterWords(_ text: String) -> String {
        var output = ""
        var word = ""
        func flush() {
            output += looksLikeSecretKey(word) ? "<redacted>" : word
            word = ""
        }
        for character in text {
            if character.isWhitespace || "\"'=".contains(character) {
                flush()
                output.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return output
    }

    /// ``looksLikeSecretKey(_:)`` for a word of ASCII bytes.
    private static func looksLikeSecretKey(asciiBytes word: ArraySlice<UInt8>) -> Bool {
        var (digit, lower, upper) = (false, false, false)
        for byte in word {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"): lower = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper = true
            case UInt8(ascii: "/"), UInt8(ascii: "+"): break
            default: return false
            }
        }
        return digit && lower && upper
    }

    /// Whether `word` has the shape of a secret access key.
    static func looksLikeSecretKey(_ word: String) -> Bool {
        guard word.count == 40 else { return false }
        let allowed = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "/" || $0 == "+") }
        return allowed && word.contains(where: \.isNumber) && word.contains(where: \.isLowercase)
            && word.contains(where: \.isUppercase)
    }
}
