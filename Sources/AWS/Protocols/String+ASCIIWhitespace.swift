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

extension UInt8 {
    /// Whether the byte is an ASCII space, tab, carriage return or line feed.
    var isASCIIWhitespace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D
    }
}
