import Foundation

/// A signing time in the two UTC forms SigV4 uses: `20150830T123600Z` and `20150830`.
struct SigningDate: Sendable, Equatable {
    /// The ISO 8601 basic timestamp sent as `X-Amz-Date`.
    let timestamp: String
    /// The `YYYYMMDD` day that scopes the credential and signing key.
    let day: String

    /// Formats `date` in UTC, truncated to whole seconds.
    init(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let (days, secondOfDay) = Self.floorDivide(seconds, 86_400)
        let (year, month, dayOfMonth) = Self.civilDate(daysSinceEpoch: days)
        day = Self.pad(year, 4) + Self.pad(month, 2) + Self.pad(dayOfMonth, 2)
        let time = Self.pad(secondOfDay / 3600, 2) + Self.pad(secondOfDay / 60 % 60, 2) + Self.pad(secondOfDay % 60, 2)
        timestamp = day + "T" + time + "Z"
    }

    /// Converts days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
    /// `civil_from_days` algorithm), avoiding locale- and calendar-dependent formatters.
    private static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = daysSinceEpoch + 719_468
        let (era, _) = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Division rounding toward negative infinity, with a non-negative remainder.
    private static func floorDivide(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    /// Left-pads a non-negative number with zeros to `width` digits.
    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
