/// What pressing TAB does to the line, given the candidates a completion function returned.
///
/// Kept free of libedit so the rules can be tested without a terminal: one candidate replaces the
/// word (followed by a space unless it ends in `/`); several replace it with their longest common
/// prefix and are listed below the line.
struct CompletionPlan: Equatable {
    /// The text that replaces the word before the cursor; `nil` leaves the line alone.
    var replacement: String?
    /// Candidates to list below the line; empty when nothing needs listing.
    var listed: [String]

    /// Plans the edit for `word` and the candidates offered for it (duplicates are ignored).
    init(word: String, candidates: [String]) {
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0).inserted }
        switch unique.count {
        case 0:
            self.init(replacement: nil, listed: [])
        case 1:
            let only = unique[0]
            self.init(replacement: only.hasSuffix("/") ? only : only + " ", listed: [])
        default:
            let prefix = Self.commonPrefix(of: unique)
            // A prefix that would shorten or contradict what was typed (case-insensitive candidates,
            // say) is not applied: deleting the user's text is worse than not completing.
            let grows = prefix.count > word.count && prefix.hasPrefix(word)
            self.init(replacement: grows ? prefix : nil, listed: unique)
        }
    }

    /// Creates a plan from its parts.
    init(replacement: String?, listed: [String]) {
        self.replacement = replacement
        self.listed = listed
    }

    /// The longest string every candidate starts with, compared by `Character`.
    static func commonPrefix(of candidates: [String]) -> String {
        guard var prefix = candidates.first.map({ Array($0) }) else { return "" }
        for candidate in candidates.dropFirst() {
            let shared = zip(prefix, candidate).prefix(while: { $0 == $1 }).count
            prefix.removeLast(prefix.count - shared)
        }
        return String(prefix)
    }

    /// Lays the candidates out in columns for a terminal `width` wide, one row per line.
    static func listing(_ candidates: [String], width: Int) -> String {
        let columnWidth = (candidates.map(\.count).max() ?? 0) + 2
        let columns = max(1, width / max(columnWidth, 1))
        let sorted = candidates.sorted()
        var text = ""
        for rowStart in stride(from: 0, to: sorted.count, by: columns) {
            let row = sorted[rowStart..<min(rowStart + columns, sorted.count)]
            let cells = row.enumerated().map { index, name in
                index == row.count - 1 ? name : name + String(repeating: " ", count: columnWidth - name.count)
            }
            text += cells.joined() + "\n"
        }
        return text
    }
}
