import Crypto
import Testing

@Suite struct HexTests {
    @Test func encodesEveryByteValueAsTwoLowercaseDigits() {
        let text = Hex.encode([0x00, 0x0f, 0x10, 0xab, 0xff])
        #expect(text == "000f10abff")
    }

    @Test func encodesEmptyInputAsEmptyString() {
        #expect(Hex.encode([]).isEmpty)
    }

    @Test func roundTripsAllByteValues() {
        let bytes = (0...255).map { UInt8($0) }
        let text = Hex.encode(bytes)
        #expect(text.count == 512)
        #expect(hexBytes(text) == bytes)
    }
}
