import Foundation

/// Parses the timestamp forms AWS and the emulator send.
///
/// Expirations and creation dates arrive in most replies, so parsing is a scan of fixed fields,
/// with no formatter.
public enum ISO8601 {
    /// Parses `2026-12-03T19:15:08Z`, with or without fractional seconds (any number of digits),
    /// with `Z` or a numeric offset (`+02:00`); surrounding ASCII whitespace is ignored. Nil when it
    /// is none of those.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.trimmingASCIIWhitespace().utf8)
        // "2026-12-03T19:15:08": the fixed part.
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"),
            let year = CivilTime.number(bytes[0..<4]), let month = CivilTime.number(bytes[5..<7]),
            let day = CivilTime.number(bytes[8..<10]), let hour = CivilTime.number(bytes[11..<13]),
            let minute = CivilTime.number(bytes[14..<16]), let second = CivilTime.number(bytes[17..<19]),
            let time = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            let digits = bytes[(index + 1)...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            guard !digits.isEmpty else { return nil }
            fraction = Double("0." + String(decoding: digits, as: UTF8.self)) ?? 0
            index += 1 + digits.count
        }
        guard let offset = offsetSeconds(bytes[index...]) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(time.secondsSinceEpoch - offset) + fraction)
    }

    /// The zone designator's offset east of UTC in seconds: `Z`, `+HH:MM`, `-HH:MM`; nil otherwise.
    private static func offsetSeconds(_ zone: ArraySlice<UInt8>) -> Int? {
        if zone.elementsEqual([UInt8(ascii: "Z")]) || zone.elementsEqual([UInt8(ascii: "z")]) { return 0 }
        let start = zone.startIndex
        guard zone.count == 6, zone[start] == UInt8(ascii: "+") || zone[start] == UInt8(ascii: "-"),
            zone[start + 3] == UInt8(ascii: ":"), let hours = CivilTime.number(zone[(start + 1)..<(start + 3)]),
            let minutes = CivilTime.number(zone[(start + 4)...]), hours < 24, minutes < 60
        else { return nil }
        let offset = hours * 3600 + minutes * 60
        return zone[start] == UInt8(ascii: "-") ? -offset : offset
    }

    /// Formats `date` as `2026-12-03T19:15:08Z`: whole seconds, rounded down, in UTC.
    public static func format(_ date: Date) -> String {
        let time = CivilTime(secondsSinceEpoch: Int(date.timeIntervalSince1970.rounded(.down)))
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(time.year, 4))-\(padded(time.month, 2))-\(padded(time.day, 2))T"
            + "\(padded(time.hour, 2)):\(padded(time.minute, 2)):\(padded(time.second, 2))Z"
    }
}
