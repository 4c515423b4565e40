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

    /// Whether `word` has the shape of a secret access key.
    static func looksLikeSecretKey(_ word: String) -> Bool {
        guard word.count == 40 else { return false }
        let allowed = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "/" || $0 == "+") }
        return allowed && word.contains(where: \.isNumber) && word.contains(where: \.isLowercase)
            && word.contains(where: \.isUppercase)
    }
}
