/// Where and why a JSON text could not be parsed, with the offending line for a caret display.
public struct JSONSyntaxError: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in lower case, e.g. "invalid value".
    public let reason: String
    /// The 1-based line of the fault, when Foundation reported a position.
    public let line: Int?
    /// The 1-based column (in characters) of the fault, when Foundation reported a position.
    public let column: Int?
    /// The text of the faulty line, without its line break; empty when there is no position.
    public let lineText: String

    /// Locates the fault at `byteOffset` (UTF-8) inside `text`; a `nil` offset means "position unknown".
    public init(reason: String, text: String, byteOffset: Int? = nil) {
        self.reason = reason
        guard let byteOffset else {
            (line, column, lineText) = (nil, nil, "")
            return
        }
        let bytes = Array(text.utf8)
        let offset = min(max(byteOffset, 0), bytes.count)
        let newline = UInt8(ascii: "\n")
        let lineStart = bytes[..<offset].lastIndex(of: newline).map { $0 + 1 } ?? 0
        let lineEnd = bytes[offset...].firstIndex(of: newline) ?? bytes.count
        var lineBytes = bytes[lineStart..<lineEnd]
        if lineBytes.last == UInt8(ascii: "\r") { lineBytes = lineBytes.dropLast() }
        line = bytes[..<offset].filter { $0 == newline }.count + 1
        column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        lineText = String(decoding: lineBytes, as: UTF8.self)
    }

    /// "line 3, column 5: invalid value", then the line and a caret under the column.
    public var description: String {
        guard let line, let column else {
            return "malformed JSON: \(reason)"
        }
        let caret = String(repeating: " ", count: column - 1) + "^"
        return "malformed JSON at line \(line), column \(column): \(reason)\n    \(lineText)\n    \(caret)"
    }
}
