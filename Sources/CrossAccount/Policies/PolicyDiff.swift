/// A line diff of two policy documents, for dry-run plans.
public enum PolicyDiff {
    /// The lines of both documents' pretty text, each prefixed `- ` (only in `old`), `+ ` (only in
    /// `new`) or two spaces (in both). A missing document has no lines. The output is stable: the same
    /// inputs always give the same lines, and removals come before additions at each change.
    @inline(never)
    public static func render(old: PolicyDocument?, new: PolicyDocument?) -> [String] {
        lines(old: old.map(lines(of:)) ?? [], new: new.map(lines(of:)) ?? [])
    }

    /// Whether the two documents differ once canonicalised; a plan shows "unchanged" otherwise.
    public static func differ(old: PolicyDocument?, new: PolicyDocument?) -> Bool {
        old != new
    }

    /// The diff of two line lists, by longest common subsequence.
    public static func lines(old: [String], new: [String]) -> [String] {
        let common = commonLengths(old, new)
        var output: [String] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                output.append("  " + old[i])
                (i, j) = (i + 1, j + 1)
            } else if i < old.count, j == new.count || common[i + 1][j] >= common[i][j + 1] {
                output.append("- " + old[i])
                i += 1
            } else {
                output.append("+ " + new[j])
                j += 1
            }
        }
        return output
    }

    private static func lines(of document: PolicyDocument) -> [String] {
        // Split as bytes: a `\n` is always a whole Character, and splitting Characters costs ten
        // times as much on a policy of a hundred role ARNs.
        document.prettyText.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// `table[i][j]` is the length of the longest common subsequence of `old[i...]` and `new[j...]`.
    private static func commonLengths(_ old: [String], _ new: [String]) -> [[Int]] {
        var table = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in old.indices.reversed() {
            for j in new.indices.reversed() {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table
    }
}
