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
        var fields = [(name: "host", value: Self.normalizeValue(host))]
        fields.reserveCapacity(headers.count + 1)
        for header in headers {
            let name = Self.lowercasedASCII(header.name)
            guard Self.isToken(name) else { throw SigningError.invalidHeaderName(header.name) }
            guard name != "host" else { throw SigningError.hostHeaderInHeaders }
            fields.append((name, Self.normalizeValue(header.value)))
        }
        // Sorted by name, repeated names in their original order; then each name's values joined.
        let order = fields.indices.sorted { first, second in
            let (a, b) = (fields[first].name, fields[second].name)
            return a == b ? first < second : a.utf8.lexicographicallyPrecedes(b.utf8)
        }
        // Appended piece by piece into storage reserved once: a session token is about a kilobyte,
        // and every `a + b` would copy it again.
        var block = ""
        block.reserveCapacity(fields.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 })
        var signedHeaders = ""
        var position = 0
        while position < order.count {
            let name = fields[order[position]].name
            if !signedHeaders.isEmpty { signedHeaders.append(";") }
            signedHeaders.append(name)
            block.append(name)
            block.append(":")
            block.append(fields[order[position]].value)
            position += 1
            while position < order.count, fields[order[position]].name == name {
                block.append(",")
                block.append(fields[order[position]].value)
                position += 1
            }
            block.append("\n")
        }
        self.block = block
        self.signedHeaders = signedHeaders
    }

    /// `name` with ASCII capitals lowered; other bytes are kept (and then refused as no token).
    private static func lowercasedASCII(_ name: String) -> String {
        guard name.utf8.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else { return name }
        return String(
            decoding: name.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 },
            as: UTF8.self)
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
