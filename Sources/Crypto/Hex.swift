/// Lowercase hexadecimal encoding, the form SigV4 uses for hashes and signatures.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Returns two lowercase hexadecimal digits for each byte, in order.
    public static func encode(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
