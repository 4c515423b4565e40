import Foundation

/// Parses the timestamp forms AWS and the emulator send.
public enum ISO8601 {
    /// Parses `2026-12-03T19:15:08Z`, with or without fractional seconds (any number of digits),
    /// with `Z` or a numeric offset; nil when it is none of those.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        // Drop fractional seconds (the emulator sends microseconds) and try again.
        guard let dot = trimmed.firstIndex(of: ".") else { return nil }
        var end = trimmed.index(after: dot)
        while end < trimmed.endIndex, trimmed[end].isNumber { end = trimmed.index(after: end) }
        guard end > trimmed.index(after: dot) else { return nil }
        let fraction = Double("0" + trimmed[dot..<end]) ?? 0
        let whole = String(trimmed[..<dot] + trimmed[end...])
        return (try? Date(whole, strategy: .iso8601)).map { $0.addingTimeInterval(fraction) }
    }

    /// Formats `date` as `2026-12-03T19:15:08Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
