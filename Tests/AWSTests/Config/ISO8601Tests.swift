import AWS
import Foundation
import Testing

/// Timestamps as AWS and the emulator send them.
@Suite struct ISO8601Tests {
    private static let reference = TestClock.reference

    @Test(arguments: [
        ("2026-12-03T19:15:08Z", 0.0),
        ("2026-12-03T21:15:08+02:00", 0.0),
        ("2026-12-03T14:15:08-05:00", 0.0),
        (" 2026-12-03T19:15:08Z ", 0.0),
        ("2026-12-03T19:15:08.5Z", 0.5),
        ("2026-12-03T19:15:08.123456Z", 0.123456),
        ("2026-12-03T20:45:08.250+01:30", 0.25),
    ])
    func parses(text: String, fraction: Double) throws {
        let date = try #require(ISO8601.parse(text))
        #expect(abs(date.timeIntervalSince(Self.reference) - fraction) < 0.000_001)
    }

    @Test(arguments: ["", "yesterday", "2026-12-03", "2026-13-03T19:15:08Z", "2026-12-03T19:15:08.Z"])
    func refuses(text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test func formatsInUTCWithoutFractions() {
        #expect(ISO8601.format(Self.reference.addingTimeInterval(0.75)) == "2026-12-03T19:15:08Z")
    }

    /// Leap days, century years, the epoch and the second before it, and a spread of times over four
    /// centuries, each formatted as Foundation's calendar formats it and read back to the same second.
    @Test func formatsEveryDayAsFoundationsCalendarDoes() {
        var seconds: [Int] = [0, -1, 951_782_400, 4_107_456_000, 4_107_542_399, -2_208_988_800, 253_402_300_799]
        var next = 1_234_567
        for _ in 0..<2000 {
            next = (next &* 1_103_515_245 &+ 12345) & 0x7fff_ffff
            seconds.append(-2_208_988_800 + next * 6 + next % 7)
        }
        for second in seconds {
            let date = Date(timeIntervalSince1970: TimeInterval(second))
            let text = ISO8601.format(date)
            #expect(text == date.formatted(.iso8601), "\(second)")
            #expect(ISO8601.parse(text) == date, "\(second)")
        }
    }
}
