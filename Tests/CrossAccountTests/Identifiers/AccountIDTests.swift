import CrossAccount
import Foundation
import Testing

@Suite struct AccountIDTests {
    @Test(arguments: ["111122223333", "000000000000", "012345678901"])
    func acceptsTwelveDigits(text: String) throws {
        #expect(try AccountID(text).value == text)
    }

    @Test(arguments: [
        ("12345678901", "AWS account ID \"12345678901\" has 11 characters; it must have exactly 12"),
        ("1234567890123", "AWS account ID \"1234567890123\" has 13 characters; it must have exactly 12"),
        ("", "AWS account ID \"\" has 0 characters; it must have exactly 12"),
        ("1111-2222-3333", "AWS account ID \"1111-2222-3333\" has '-' at position 5; only digits 0-9 are allowed"),
        (
            "11112222333 ",
            "AWS account ID \"11112222333 \" has U+20 (a space) at position 12; only digits 0-9 are allowed"
        ),
        ("١١١١٢٢٢٢٣٣٣٣", "AWS account ID \"١١١١٢٢٢٢٣٣٣٣\" has '١' at position 1; only digits 0-9 are allowed"),
    ])
    func rejectsWithAPreciseMessage(text: String, message: String) {
        #expect {
            try AccountID(text)
        } throws: { error in
            (error as? IdentifierError)?.description == message && (error as? IdentifierError)?.kind == .accountID
        }
    }

    @Test func decodesOnlyValidIDs() throws {
        let decoded = try JSONDecoderShim.decode(#"["111122223333"]"#)
        #expect(decoded == [try AccountID("111122223333")])
        #expect(throws: DecodingError.self) { try JSONDecoderShim.decode(#"["1"]"#) }
    }
}

/// Decodes a JSON array of account IDs.
private enum JSONDecoderShim {
    static func decode(_ text: String) throws -> [AccountID] {
        try JSONDecoder().decode([AccountID].self, from: Data(text.utf8))
    }
}
