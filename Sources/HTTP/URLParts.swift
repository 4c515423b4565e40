/// Small, allocation-light views of an absolute URL, used to describe requests safely.
///
/// Descriptions and errors must never show a query string (presigned URLs carry their
/// signature there) or user information, so these helpers cut them away.
enum URLParts {
    /// The URL up to, but not including, its query or fragment.
    static func withoutQuery(_ url: String) -> String {
        String(url.prefix { $0 != "?" && $0 != "#" })
    }

    /// The scheme and authority (`https://host:port`) without user information or path.
    static func origin(_ url: String) -> String {
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
            bytes[colon...].starts(with: "://".utf8)
        else {
            return "(no scheme)"
        }
        let rest = bytes[bytes.index(colon, offsetBy: 3)...]
        let authority = rest.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        let host =
            authority.lastIndex(of: UInt8(ascii: "@")).map { authority[authority.index(after: $0)...] } ?? authority
        return "\(Substring(bytes[..<colon]))://\(Substring(host))"
    }
}
