import AWS
import Foundation
import Testing

/// The `Date` header's IMF-fixdate, which a clock-skew error is measured against.
@Suite struct HTTPDateTests {
    @Test func parsesTheReferenceInstant() throws {
        let date = try #require(HTTPDate.parse("Thu, 03 Dec 2026 19:15:08 GMT"))
        #expect(date == TestClock.reference)
    }

    /// Checked against Foundation's ISO 8601 parser over leap days, century rules and month ends.
    @Test(arguments: [
        ("Thu, 01 Jan 1970 00:00:00 GMT", "1970-01-01T00:00:00Z"),
        ("Tue, 29 Feb 2000 23:59:59 GMT", "2000-02-29T23:59:59Z"),
        ("Fri, 01 Mar 2100 12:00:00 GMT", "2100-03-01T12:00:00Z"),
        ("Sat, 29 Feb 2028 06:30:00 GMT", "2028-02-29T06:30:00Z"),
        ("Thu, 31 Dec 2026 23:59:59 GMT", "2026-12-31T23:59:59Z"),
        ("Sun, 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"),
    ])
    func agreesWithISO8601(header: String, iso: String) throws {
        #expect(try #require(HTTPDate.parse(header)) == ISO8601.parse(iso))
    }

    @Test(arguments: [
        "", "yesterday", "Thu, 03 Dec 2026 19:15:08 UTC", "Thu, 3 Dec 2026 19:15:08 GMT",
        "Thu, 03 Dez 2026 19:15:08 GMT", "Thu, 31 Nov 2026 19:15:08 GMT", "Tue, 29 Feb 2100 00:00:00 GMT",
        "Thu, 03 Dec 2026 24:00:00 GMT", "Thu, 03 Dec 2026 19:60:08 GMT", "Thu, 03 Dec 2O26 19:15:08 GMT",
        "Thursday, 03-Dec-26 19:15:08 GMT", "Thu Dec  3 19:15:08 2026", "Thu, 03 Dec 2026 19:15:08 GMT ",
    ])
    func refuses(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}
