import Foundation

/// Parses the `Date` header's form, the IMF-fixdate of RFC 9110 (section 5.6.7):
/// `Thu, 03 Dec 2026 19:15:08 GMT`.
///
/// Every AWS reply carries one, and only a clock-skew error reads it, so this is a plain scan of
/// fixed fields: no formatter, no locale data.
public enum HTTPDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The instant `text` names, or nil when it is not an IMF-fixdate (the obsolete RFC 850 and
    /// asctime forms included, which AWS does not send).
    public static func parse(_ text: String) -> Date? {
        // "Thu, 03 Dec 2026 19:15:08 GMT": 29 bytes, every field at a fixed offset.
        let bytes = Array(text.utf8)
        guard bytes.count == 29, bytes[3] == UInt8(ascii: ","), bytes[4] == UInt8(ascii: " "),
            bytes[7] == UInt8(ascii: " "), bytes[11] == UInt8(ascii: " "), bytes[16] == UInt8(ascii: " "),
            bytes[19] == UInt8(ascii: ":"), bytes[22] == UInt8(ascii: ":"), bytes[25] == UInt8(ascii: " "),
            bytes[26...] == [UInt8(ascii: "G"), UInt8(ascii: "M"), UInt8(ascii: "T")],
            let day = CivilTime.number(bytes[5..<7]), let year = CivilTime.number(bytes[12..<16]),
            let hour = CivilTime.number(bytes[17..<19]), let minute = CivilTime.number(bytes[20..<22]),
            let second = CivilTime.number(bytes[23..<25]),
            let monthIndex = months.firstIndex(where: { Array($0.utf8) == Array(bytes[8..<11]) })
        else { return nil }
        let time = CivilTime(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second)
        return time.map { Date(timeIntervalSince1970: TimeInterval($0.secondsSinceEpoch)) }
    }
}
