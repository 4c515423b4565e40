import Foundation

extension String {
    /// The text without leading and trailing ASCII spaces, tabs, carriage returns and line feeds:
    /// the whitespace of XML and of AWS's timestamps. The common case, nothing to trim, copies nothing.
    func trimmingASCIIWhitespace() -> String {
        let trimmed = self[...].trimmingBytes(where: \.isASCIIWhitespace)
        return trimmed.utf8.count == utf8.count ? self : String(trimmed)
    }

    /// See `Substring.trimmingBlanks()`.
    func trimmingBlanks() -> String {
        self[...].trimmingBlanks()
    }
}

extension Substring {
    /// The text without leading and trailing blanks, as `trimmingCharacters(in: .whitespaces)` trims
    /// them (spaces, tabs and Unicode's other space separators), read as bytes when the ends are ASCII:
    /// Foundation's version bridges every line of a config file to `NSString`.
    func trimmingBlanks() -> String {
        let trimmed = trimmingBytes { $0 == 0x20 || $0 == 0x09 }
        guard let first = trimmed.utf8.first, let last = trimmed.utf8.last, first >= 0x80 || last >= 0x80 else {
            return String(trimmed)
        }
        return trimmingCharacters(in: .whitespaces)
    }

    /// The slice without the leading and trailing bytes `isTrimmed` accepts (ASCII bytes only, so
    /// the ends stay on character boundaries).
    fileprivate func trimmingBytes(where isTrimmed: (UInt8) -> Bool) -> Substring {
        let bytes = utf8
        guard let start = bytes.firstIndex(where: { !isTrimmed($0) }),
            let last = bytes.lastIndex(where: { !isTrimmed($0) })
        else { return self[endIndex...] }
        return self[start..<bytes.index(after: last)]
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII space, tab, carriage return or line feed.
    var isASCIIWhitespace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D
    }
}
