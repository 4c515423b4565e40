import Foundation

extension String {
    /// The text without leading and trailing ASCII spaces, tabs, carriage returns and line feeds:
    /// the whitespace of XML and of AWS's timestamps. The common case, nothing to trim, copies nothing.
    func trimmingASCIIWhitespace() -> String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last, first.isASCIIWhitespace || last.isASCIIWhitespace
        else { return self }
        let start = bytes.firstIndex { !$0.isASCIIWhitespace } ?? bytes.endIndex
        guard start < bytes.endIndex, let end = bytes.lastIndex(where: { !$0.isASCIIWhitespace }) else { return "" }
        return String(self[start...end])
    }
}

extension Substring {
    /// The text without leading and trailing blanks, as `trimmingCharacters(in: .whitespaces)` trims
    /// them (spaces, tabs and Unicode's other space separators), read as bytes when the ends are ASCII:
    /// Foundation's version bridges every line of a config file to `NSString`.
    func trimmingBlanks() -> String {
        let bytes = utf8
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let start = bytes.firstIndex(where: { !isBlank($0) }),
            let last = bytes.lastIndex(where: { !isBlank($0) })
        else { return "" }
        guard bytes[start] < 0x80, bytes[last] < 0x80 else {
            return trimmingCharacters(in: .whitespaces)
        }
        return String(self[start...last])
    }
}

extension String {
    /// See `Substring.trimmingBlanks()`.
    func trimmingBlanks() -> String {
        self[...].trimmingBlanks()
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII space, tab, carriage return or line feed.
    var isASCIIWhitespace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D
    }
}
