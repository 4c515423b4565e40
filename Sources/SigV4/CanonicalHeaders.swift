/// The canonical header block and signed-header list of a request ("Create a signed AWS API
/// request", step 1: canonical headers and signed headers).
struct CanonicalHeaders: Sendable, Equatable {
    /// One `name:value\n` line per distinct lowercased name, sorted by name.
    let block: String
    /// The lowercased names joined by `;`, in the same order.
    let signedHeaders: String

    /// Canonicalises `host` plus `headers`: names lowercased, values trimmed with inner runs of
    /// whitespace collapsed to one space, repeated names combined with commas in their original
    /// order, then sorted by name.
    /// - Throws: ``SigningError`` for an invalid name or a `Host` header among `headers`.
    init(host: String, headers: [Header]) throws(SigningError) {
        var valuesByName: [String: [String]] = ["host": [Self.normalizeValue(host)]]
        for header in headers {
            let name = header.name.lowercased()
            guard Self.isToken(name) else { throw SigningError.invalidHeaderName(header.name) }
            guard name != "host" else { throw SigningError.hostHeaderInHeaders }
            valuesByName[name, default: []].append(Self.normalizeValue(header.value))
        }
        let names = valuesByName.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        block = names.map { "\($0):\(valuesByName[$0, default: []].joined(separator: ","))\n" }.joined()
        signedHeaders = names.joined(separator: ";")
    }

    /// Trims a value and collapses each run of spaces, tabs or line breaks (including obsolete
    /// line folding) to one space.
    static func normalizeValue(_ value: String) -> String {
        if isNormal(value) { return value }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).joined(separator: " ")
    }

    /// Whether `value` has nothing to trim or collapse: no tab or line break (ASCII or Unicode's
    /// next line and separators, which are not ASCII), no space at either end or after another.
    /// Nearly every value is, and skipping the split for them is most of the signer's time saved.
    private static func isNormal(_ value: String) -> Bool {
        // Over the contiguous bytes when there are (a native string), as a session token is about
        // a kilobyte and every request carries one.
        if let result = value.utf8.withContiguousStorageIfAvailable({ isNormal(bytes: $0) }) { return result }
        return isNormal(bytes: Array(value.utf8))
    }

    private static func isNormal<Bytes: Collection<UInt8>>(bytes: Bytes) -> Bool {
        var previous: UInt8 = 0x20
        for byte in bytes {
            if byte >= 0x80 || byte == 0x09 || (0x0A...0x0D).contains(byte) { return false }
            if byte == 0x20 && previous == 0x20 { return false }
            previous = byte
        }
        return previous != 0x20 || bytes.isEmpty
    }

    /// Whether `name` is a non-empty RFC 9110 token, the only valid form of a field name.
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    return true
                default:
                    return "!#$%&'*+-.^_`|~".utf8.contains(byte)
                }
            }
    }
}
