extension SigV4Signer {
    /// RFC 3986 unreserved characters, the only bytes SigV4 leaves unencoded.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Percent-encodes every UTF-8 byte outside the unreserved set as `%XX` (uppercase hex),
    /// optionally keeping `/`; "Create a signed AWS API request", step 1, URI-encoding rules.
    static func percentEncode(_ text: String, keepingSlash: Bool = false) -> String {
        let kept = { (byte: UInt8) in isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) }
        guard !text.utf8.allSatisfy(kept) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 2)
        for byte in text.utf8 {
            if kept(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0f)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Returns the wire form of a raw path: each segment percent-encoded once, slashes kept.
    ///
    /// An empty path becomes `/`. This is also the canonical URI S3 signs.
    public static func encodePath(_ raw: String) -> String {
        raw.isEmpty ? "/" : percentEncode(raw, keepingSlash: true)
    }

    /// Returns the canonical query string: names and values percent-encoded, joined as
    /// `name=value` with `&`, sorted by encoded name then encoded value ("Create a signed AWS API
    /// request", step 1). The result is also a valid query string to send.
    public static func encodeQuery(_ items: [QueryItem]) -> String {
        let encoded = items.map { (name: percentEncode($0.name), value: percentEncode($0.value)) }
        let sorted = encoded.sorted { lhs, rhs in
            lhs.name == rhs.name
                ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
                : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
        }
        return sorted.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// Removes empty, `.` and `..` segments (RFC 3986 section 5.2.4, plus collapsing repeated
    /// slashes), keeping a trailing slash; `/example/..` becomes `/`.
    static func normalize(path raw: String) -> String {
        var segments: [Substring] = []
        // Segments of bytes, as RFC 3986 counts them (a slash followed by a combining mark is one
        // Character, but still a separator), and ten times faster than splitting Characters.
        let parts = raw.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map(Substring.init)
        for part in parts {
            switch part {
            case "", ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(part)
            }
        }
        let last = parts.last ?? ""
        let endsAsDirectory = last.isEmpty || last == "." || last == ".."
        let joined = "/" + segments.joined(separator: "/")
        return endsAsDirectory && !segments.isEmpty ? joined + "/" : joined
    }

    /// The canonical URI of `rawPath` under these options ("Create a signed AWS API request", step 1).
    func canonicalURI(_ rawPath: String) -> String {
        let path = options.normalizePath ? Self.normalize(path: rawPath) : rawPath
        let once = Self.encodePath(path)
        return options.doubleEncodePath ? Self.percentEncode(once, keepingSlash: true) : once
    }
}
