import Crypto
import Testing

/// Known answers for SHA-256 from FIPS 180-2, Appendix B (SHA-256 examples).
@Suite struct SHA256Tests {
    @Test("FIPS 180-2 B.1: one-block message \"abc\"")
    func oneBlockMessage() throws {
        let digest = try SHA256.hexHash(Array("abc".utf8))
        #expect(digest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("FIPS 180-2 B.2: multi-block message")
    func multiBlockMessage() throws {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        let digest = try SHA256.hexHash(message)
        #expect(digest == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("FIPS 180-2 B.3: one million repetitions of \"a\"")
    func largeMessage() throws {
        let digest = try SHA256.hexHash(repeated(UInt8(ascii: "a"), 1_000_000))
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The empty-input digest is also the SigV4 payload hash of an empty body.
    @Test func emptyInput() throws {
        let digest = try SHA256.hexHash([UInt8]())
        #expect(digest == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func rawDigestMatchesHexDigest() throws {
        let bytes = try SHA256.hash(Array("abc".utf8))
        #expect(bytes.count == SHA256.digestByteCount)
        #expect(bytes == hexBytes("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
    }
}
