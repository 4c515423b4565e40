import Crypto
import Testing

/// One HMAC-SHA256 known answer: key, message and the expected tag in hex.
struct HMACVector: Sendable, CustomTestStringConvertible {
    let name: String
    let key: [UInt8]
    let message: [UInt8]
    let tag: String

    var testDescription: String { name }
}

/// Known answers from RFC 4231, "Identifiers and Test Vectors for HMAC-SHA-224, -256, -384, and -512",
/// section 4 (the HMAC-SHA-256 lines of test cases 1 to 7).
@Suite struct HMACSHA256Tests {
    static let rfc4231: [HMACVector] = [
        HMACVector(
            name: "RFC 4231 4.2 test case 1", key: repeated(0x0b, 20), message: Array("Hi There".utf8),
            tag: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        HMACVector(
            name: "RFC 4231 4.3 test case 2", key: Array("Jefe".utf8),
            message: Array("what do ya want for nothing?".utf8),
            tag: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        HMACVector(
            name: "RFC 4231 4.4 test case 3", key: repeated(0xaa, 20), message: repeated(0xdd, 50),
            tag: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        HMACVector(
            name: "RFC 4231 4.5 test case 4", key: hexBytes("0102030405060708090a0b0c0d0e0f10111213141516171819"),
            message: repeated(0xcd, 50),
            tag: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        HMACVector(
            name: "RFC 4231 4.7 test case 6", key: repeated(0xaa, 131),
            message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            tag: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        HMACVector(
            name: "RFC 4231 4.8 test case 7", key: repeated(0xaa, 131),
            message: Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
            tag: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test(arguments: rfc4231)
    func knownAnswer(_ vector: HMACVector) throws {
        let tag = try HMACSHA256.authenticate(vector.message, key: vector.key)
        #expect(Hex.encode(tag) == vector.tag)
    }

    /// RFC 4231 4.6 (test case 5) specifies only the first 128 bits of the tag.
    @Test("RFC 4231 4.6 test case 5 (truncated to 128 bits)")
    func truncatedKnownAnswer() throws {
        let tag = try HMACSHA256.authenticate(Array("Test With Truncation".utf8), key: repeated(0x0c, 20))
        #expect(Hex.encode(Array(tag.prefix(16))) == "a3b6167473100ee06e0c796c2955552b")
    }

    /// HMAC(key: "", message: "") as published by many HMAC implementations, including Python's hmac module.
    @Test func emptyKeyAndMessage() throws {
        let tag = try HMACSHA256.authenticate([UInt8](), key: [UInt8]())
        #expect(Hex.encode(tag) == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test func largeMessageDiffersFromItsPrefix() throws {
        let large = repeated(0x61, 1_000_000)
        let whole = try HMACSHA256.authenticate(large, key: Array("key".utf8))
        let prefix = try HMACSHA256.authenticate(Array(large.dropLast()), key: Array("key".utf8))
        #expect(whole.count == HMACSHA256.tagByteCount)
        #expect(whole != prefix)
    }
}
