import CrossAccount
import Foundation

/// What the session ran, secrets removed, for `history`, `history --save` and runbooks.
struct HistoryRecorder: Sendable {
    /// One command that ran.
    struct Entry: Sendable {
        /// The command as typed, secrets removed.
        var text: String
        /// The account it acted in, if any.
        var account: String?
        /// What it reported (secrets dropped).
        var report: Report?
        /// Whether it succeeded.
        var succeeded: Bool
    }

    /// Entries in the order they ran.
    private(set) var entries: [Entry] = []
    /// Secrets shown once (new access keys), kept only to mask them everywhere else.
    private(set) var shownSecrets: [String] = []
    /// Access keys created in this session, by user name, so `check` can prove them end to end.
    /// Held in memory only.
    private(set) var createdKeys: [String: (accessKeyID: String, secret: String)] = [:]

    /// Records a command and its report; the report's secrets are remembered for masking and dropped.
    mutating func record(text: String, account: String?, report: Report?, succeeded: Bool) {
        var kept = report
        if let report, !report.secrets.isEmpty {
            shownSecrets += report.secrets.map(\.value)
            kept?.secrets = []
            let keyID = report.fields.first { $0.name == "access key id" }?.value
            if let user = report.resource, let keyID, let secret = report.secrets.first?.value {
                createdKeys[user] = (keyID, secret)
            }
        }
        entries.append(Entry(text: text, account: account, report: kept, succeeded: succeeded))
    }
}

/// Removes secrets from command text before it is recorded or shown.
///
/// s3x never takes a secret as an argument, but a person may paste one anyway: every value the
/// session knows to be secret is masked, and so is any word shaped like a secret access key
/// (40 characters of base64 with at least one digit, one lower and one upper case letter).
enum CommandScrubber {
    /// `text` with secrets masked.
    static func scrub(_ text: String, knownSecrets: [String]) -> String {
        var result = text
        for secret in knownSecrets where secret.count >= 8 {
            result = result.replacingOccurrences(of: secret, with: "<redacted>")
        }
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
