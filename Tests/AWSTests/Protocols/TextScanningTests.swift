import Foundation
import Testing

@testable import AWS

/// The byte-level replacements of Foundation's string calls give Foundation's answers.
@Suite struct TextScanningTests {
    @Test(arguments: [
        "", "plain", "%7B%22Version%22%3A%222012-10-17%22%7D", "a+b%20c", "%e2%82%ac euro", "100%", "%4", "%zz",
        "%C3%28", "%%41", "caf%C3%A9", "%00",
    ])
    func percentDecodingMatchesFoundation(text: String) {
        #expect(PercentDecoding.decode(text) == text.removingPercentEncoding)
    }

    @Test(arguments: [
        "", "   ", "\t key \t", "value", " a b ", "\u{00A0}nbsp\u{00A0}", " \u{2003}em ", "x\u{00A0} ", "é ", " \tü",
    ])
    func blankTrimmingMatchesFoundation(text: String) {
        #expect(text.trimmingBlanks() == text.trimmingCharacters(in: .whitespaces))
        #expect(text[...].trimmingBlanks() == text.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: [
        ("", ""), (" \r\n", ""), ("value", "value"), ("\t é \n", "é"), ("\r\nü", "ü"), ("x y\r\n", "x y"),
        ("\u{00A0}a\u{00A0}", "\u{00A0}a\u{00A0}"),
    ])
    func asciiWhitespaceTrimmingTrimsOnlyASCIIWhitespace(text: String, expected: String) {
        #expect(text.trimmingASCIIWhitespace() == expected)
    }
}
