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
        let parts = url.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return "(no scheme)"
        }
        let (scheme, rest) = (parts[0], parts[1])
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        return "\(scheme)://\(host)"
    }
}
