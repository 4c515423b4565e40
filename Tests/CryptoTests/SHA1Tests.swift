import Crypto
import Testing

/// Known answers for SHA-1 from FIPS 180-2, Appendix A (SHA-1 examples).
@Suite struct SHA1Tests {
    @Test("FIPS 180-2 A.1: one-block message \"abc\"")
    func oneBlockMessage() throws {
        #expect(try SHA1.hexHash(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test("FIPS 180-2 A.2: multi-block message")
    func multiBlockMessage() throws {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(try SHA1.hexHash(message) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test func rawDigestHasTwentyBytes() throws {
        #expect(try SHA1.hash([UInt8]()).count == SHA1.digestByteCount)
        #expect(try SHA1.hexHash([UInt8]()) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    }
}
