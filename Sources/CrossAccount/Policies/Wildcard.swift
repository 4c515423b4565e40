/// IAM-style wildcard matching: `*` matches any run of characters, `?` exactly one.
enum Wildcard {
    /// Whether `pattern` matches the whole of `value`.
    static func matches(pattern: String, value: String, caseSensitive: Bool = true) -> Bool {
        let pattern = Array(caseSensitive ? pattern : pattern.lowercased())
        let value = Array(caseSensitive ? value : value.lowercased())
        var (p, v) = (0, 0)
        var backtrack: (pattern: Int, value: Int)?
        while v < value.count {
            if p < pattern.count, pattern[p] == "*" {
                backtrack = (p, v)
                p += 1
            } else if p < pattern.count, pattern[p] == "?" || pattern[p] == value[v] {
                p += 1
                v += 1
            } else if let last = backtrack {
                // Let the last `*` swallow one more character and retry from there.
                backtrack = (last.pattern, last.value + 1)
                (p, v) = (last.pattern + 1, last.value + 1)
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
