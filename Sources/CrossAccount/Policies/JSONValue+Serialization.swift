/// Canonical text for JSON values: keys sorted, no insignificant whitespace unless pretty.
extension JSONValue {
    /// The compact canonical text: sorted keys, no whitespace outside strings, `/` not escaped.
    ///
    /// This is the form s3x sends to AWS, so sizes are measured on it.
    public var compactText: String {
        var output = ""
        write(to: &output, indent: nil)
        return output
    }

    /// The pretty canonical text: sorted keys, two-space indentation, one member or element per line.
    public var prettyText: String {
        var output = ""
        write(to: &output, indent: "")
        return output
    }

    /// Writes this value; `indent` is the current indentation for pretty output, `nil` for compact.
    private func write(to output: inout String, indent: String?) {
        switch self {
        case .object(let members):
            writeObject(members, to: &output, indent: indent)
        case .array(let elements):
            writeArray(elements, to: &output, indent: indent)
        case .string(let text):
            Self.writeString(text, to: &output)
        case .number(let number):
            output += Self.numberText(number)
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .null:
            output += "null"
        }
    }

    private func writeObject(_ members: [String: JSONValue], to output: inout String, indent: String?) {
        guard !members.isEmpty else {
            output += "{}"
            return
        }
        let inner = indent.map { $0 + "  " }
        output += "{"
        for (index, key) in members.keys.sorted().enumerated() {
            output += index == 0 ? "" : ","
            if let inner { output += "\n" + inner }
            Self.writeString(key, to: &output)
            output += inner == nil ? ":" : ": "
            members[key]?.write(to: &output, indent: inner)
        }
        if let indent { output += "\n" + indent }
        output += "}"
    }

    private func writeArray(_ elements: [JSONValue], to output: inout String, indent: String?) {
        guard !elements.isEmpty else {
            output += "[]"
            return
        }
        let inner = indent.map { $0 + "  " }
        output += "["
        for (index, element) in elements.enumerated() {
            output += index == 0 ? "" : ","
            if let inner { output += "\n" + inner }
            element.write(to: &output, indent: inner)
        }
        if let indent { output += "\n" + indent }
        output += "]"
    }

    /// Writes `text` as a JSON string, escaping only what RFC 8259 requires. Text with nothing to
    /// escape (nearly all: ARNs, actions, account ids) is appended whole.
    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        defer { output += "\"" }
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
    }

    /// Integral values within the exactly representable range print without a fraction.
    private static func numberText(_ number: Double) -> String {
        let exactLimit = 9_007_199_254_740_992.0  // 2^53
        if number == number.rounded(), abs(number) < exactLimit {
            return String(Int64(number))
        }
        return String(number)
    }
}
