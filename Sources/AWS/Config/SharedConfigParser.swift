import Foundation

/// Parses the INI dialect of `~/.aws/config` and `~/.aws/credentials`.
///
/// The dialect, as the AWS CLI reads it: `[section]` headers; `key = value` lines; `#` and `;`
/// start comment lines (and inline comments after whitespace); an indented `key = value` below a
/// key with an empty value belongs to that key's sub-section (used by `[services NAME]` and
/// `s3 =` blocks). Keys are case-sensitive; later duplicates win.
public enum SharedConfigParser {
    /// One `[section]` of a file, with its settings and nested sub-sections.
    public struct Section: Sendable, Equatable {
        /// The text between the brackets, trimmed, e.g. `profile dev` or `default`.
        public var header: String
        /// Plain `key = value` settings.
        public var values: [String: String] = [:]
        /// Nested settings: `s3 =` followed by indented lines gives `subsections["s3"]`.
        public var subsections: [String: [String: String]] = [:]
    }

    /// Parses `text` read from `file`.
    /// - Throws: `SharedConfigError.syntax` naming the file and line of the first malformed line.
    public static func parse(_ text: String, file: String) throws(SharedConfigError) -> [Section] {
        var sections: [Section] = []
        var openSubsection: String?
        // Split on any line break: Swift reads "\r\n" as one Character, so splitting on "\n" alone
        // would leave a file with Windows line endings as a single line.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let line = String(rawLine)
            let trimmed = line.trimmingBlanks()
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]"), trimmed.count > 2 else {
                    throw .syntax(file: file, line: lineNumber, reason: "a section header must look like [name]")
                }
                let header = trimmed.dropFirst().dropLast().trimmingBlanks()
                sections.append(Section(header: header))
                openSubsection = nil
                continue
            }
            guard !sections.isEmpty else {
                throw .syntax(file: file, line: lineNumber, reason: "a setting must follow a [section] header")
            }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw .syntax(file: file, line: lineNumber, reason: "expected 'key = value'")
            }
            let key = trimmed[..<equals].trimmingBlanks()
            let value = stripInlineComment(trimmed[trimmed.index(after: equals)...])
            guard !key.isEmpty else {
                throw .syntax(file: file, line: lineNumber, reason: "a setting has no name before '='")
            }
            let isIndented = line.first == " " || line.first == "\t"
            let last = sections.count - 1
            if isIndented, let parent = openSubsection {
                sections[last].subsections[parent, default: [:]][key] = value
            } else if value.isEmpty {
                openSubsection = key
                sections[last].subsections[key] = sections[last].subsections[key] ?? [:]
            } else {
                openSubsection = nil
                sections[last].values[key] = value
            }
        }
        return sections
    }

    /// Removes a ` #` or ` ;` comment that follows a value, and surrounding blanks.
    private static func stripInlineComment(_ value: Substring) -> String {
        var result = value
        // A blank, then `#` or `;`: scanned as bytes, as Foundation's `range(of:)` would bridge each line.
        let bytes = result.utf8
        var previous: UInt8 = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#") || byte == UInt8(ascii: ";"), previous == 0x20 || previous == 0x09 {
                result = result[..<bytes.index(before: index)]
                break
            }
            previous = byte
        }
        return result.trimmingBlanks()
    }
}

/// A problem reading the shared configuration files.
public enum SharedConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A malformed line.
    case syntax(file: String, line: Int, reason: String)
    /// A file that exists but cannot be read as UTF-8 text.
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case .syntax(let file, let line, let reason): "\(file):\(line): \(reason)"
        case .unreadable(let file, let reason): "cannot read \(file): \(reason)"
        }
    }
}
