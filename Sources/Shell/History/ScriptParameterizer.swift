import CrossAccount
import Foundation

/// Lifts account ids and bucket names written literally in a saved session into `set` variables
/// at the top of the script, so the script can be pointed at other accounts by editing one line.
///
/// An id of a known account becomes `${ALIAS-id}`, other ids `${account-N}`; one bucket becomes
/// `${bucket}`, several `${bucket-N}` (names a `set` of the session already uses are skipped).
struct ScriptParameterizer {
    /// Account ids by alias, to name their variables.
    var aliases: [String: String]

    /// The `set` lines and the command texts with the values replaced.
    func parameterize(_ texts: [String], buckets: [String]) -> (sets: [String], texts: [String]) {
        var used = Set(texts.compactMap(Self.setName))
        var texts = texts
        var sets: [String] = []
        let literalBuckets = unique(buckets.filter { bucket in texts.contains { $0.contains(bucket) } })
            .sorted { $0.count > $1.count }
        for (index, bucket) in literalBuckets.enumerated() {
            let name = fresh(literalBuckets.count == 1 ? "bucket" : "bucket-\(index + 1)", used: &used)
            texts = texts.map { $0.replacingOccurrences(of: bucket, with: "${\(name)}") }
            sets.append("set \(name) \(bucket)")
        }
        var idSets: [String] = []
        var counter = 0
        for id in unique((sets + texts).flatMap(Self.accountIDs)) {
            let alias = aliases.first { $0.value == id }?.key
            if alias == nil { counter += 1 }
            let name = fresh(alias.map { "\($0)-id" } ?? "account-\(counter)", used: &used)
            idSets.append("set \(name) \(id)")
            let replace = { (text: String) in Self.replacing(id: id, in: text, with: "${\(name)}") }
            texts = texts.map(replace)
            sets = sets.map(replace)
        }
        return (idSets + sets.map(Self.quoted), texts)
    }

    /// 12-digit words in `text` (account ids), in order.
    static func accountIDs(_ text: String) -> [String] {
        var found: [String] = []
        var digits = ""
        for character in text + " " {
            if character.isASCII && character.isNumber {
                digits.append(character)
                continue
            }
            if digits.count == 12 { found.append(digits) }
            digits = ""
        }
        return found
    }

    /// `text` with every 12-digit run equal to `id` replaced.
    private static func replacing(id: String, in text: String, with replacement: String) -> String {
        var output = ""
        var digits = ""
        for character in text + "\u{0}" {
            if character.isASCII && character.isNumber {
                digits.append(character)
                continue
            }
            output += digits == id ? replacement : digits
            digits = ""
            if character != "\u{0}" { output.append(character) }
        }
        return output
    }

    /// The variable a `set NAME ...` line defines.
    private static func setName(_ text: String) -> String? {
        let words = text.split(separator: " ")
        return words.count >= 2 && words[0] == "set" ? String(words[1]) : nil
    }

    /// A `set` line whose value holds a variable reference gets double quotes.
    private static func quoted(_ line: String) -> String {
        guard line.contains("${") else { return line }
        let words = line.split(separator: " ", maxSplits: 2).map(String.init)
        return "\(words[0]) \(words[1]) \"\(words[2])\""
    }

    private func fresh(_ name: String, used: inout Set<String>) -> String {
        var candidate = name
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(name)-\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
