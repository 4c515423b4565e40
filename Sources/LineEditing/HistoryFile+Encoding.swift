extension HistoryFile {
    /// Encodes entries in the format described at the top of `HistoryFile.swift`.
    static func encode(_ entries: [String]) -> [UInt8] {
        var text = ""
        for entry in entries {
            for character in entry.unicodeScalars {
                switch character {
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                default: text.unicodeScalars.append(character)
                }
            }
            text += "\n"
        }
        return Array(text.utf8)
    }

    /// Decodes a history file's bytes into entries, oldest first.
    /// - Throws: ``HistoryCorruption`` for bytes that are not UTF-8 or an escape the format lacks.
    static func decode(_ bytes: [UInt8]) throws(HistoryCorruption) -> [String] {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
        var entries: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            guard let entry = unescape(line) else { throw .invalidEscape(line: index + 1) }
            entries.append(entry)
        }
        return entries
    }

    /// Undoes the escaping of one line; `nil` for an unknown escape or a trailing backslash.
    private static func unescape(_ line: Substring) -> String? {
        var result = ""
        var escaping = false
        for character in line.unicodeScalars {
            if escaping {
                switch character {
                case "\\": result += "\\"
                case "n": result += "\n"
                case "r": result += "\r"
                default: return nil
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return escaping ? nil : result
    }
}
