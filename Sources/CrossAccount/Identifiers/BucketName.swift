/// A general purpose S3 bucket name, validated on creation.
///
/// Rules from the S3 User Guide, "General purpose bucket naming rules".
public struct BucketName: Sendable, Hashable, CustomStringConvertible {
    /// Prefixes S3 reserves.
    static let reservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"]
    /// Suffixes S3 reserves for access point aliases, Object Lambda, Multi-Region Access Points,
    /// directory buckets and table buckets.
    static let reservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"]

    /// The validated name.
    public let value: String

    /// Validates `text` as a bucket name.
    /// - Throws: `IdentifierError` naming the first rule broken, with the position where useful.
    public init(_ text: String) throws(IdentifierError) {
        try IdentifierRules.checkLength(text, .bucketName, 3...63)
        try IdentifierRules.checkCharacters(text, .bucketName, allowed: "lowercase letters, digits, '.' and '-'") {
            IdentifierRules.isASCIILowercase($0) || IdentifierRules.isASCIIDigit($0) || $0 == "." || $0 == "-"
        }
        try Self.checkShape(text)
        value = text
    }

    public var description: String { value }

    /// The checks on the name as a whole, once every character is allowed.
    private static func checkShape(_ text: String) throws(IdentifierError) {
        let isAlphanumeric = { (c: Character) in IdentifierRules.isASCIILowercase(c) || IdentifierRules.isASCIIDigit(c)
        }
        if let first = text.first, !isAlphanumeric(first) {
            throw .ruleBroken(.bucketName, value: text, rule: "must begin with a lowercase letter or a digit")
        }
        if let last = text.last, !isAlphanumeric(last) {
            throw .ruleBroken(.bucketName, value: text, rule: "must end with a lowercase letter or a digit")
        }
        if let range = text.range(of: "..") {
            let position = text.distance(from: text.startIndex, to: range.lowerBound) + 1
            throw .ruleBroken(
                .bucketName, value: text, rule: "must not contain two adjacent periods (at position \(position))")
        }
        if IdentifierRules.looksLikeIPv4Address(text) {
            throw .ruleBroken(.bucketName, value: text, rule: "must not be formatted as an IP address")
        }
        if let prefix = reservedPrefixes.first(where: text.hasPrefix) {
            throw .ruleBroken(.bucketName, value: text, rule: "must not start with the reserved prefix \"\(prefix)\"")
        }
        if let suffix = reservedSuffixes.first(where: text.hasSuffix) {
            throw .ruleBroken(.bucketName, value: text, rule: "must not end with the reserved suffix \"\(suffix)\"")
        }
    }
}
