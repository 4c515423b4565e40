import Foundation

/// Removes secrets from text before it is traced, logged or shown.
///
/// Two layers: the values of fields that always hold secrets (XML elements and JSON keys such as
/// `SecretAccessKey` and `SessionToken`, and the `Authorization` and `X-Amz-Security-Token`
/// headers), and any literal secret value registered with the redactor.
public struct Redactor: Sendable {
    /// The placeholder written instead of a secret.
    public static let mask = "<redacted>"

    /// Field names whose values are secret, in XML, JSON and headers alike (compared case-insensitively).
    public static let secretFields: [String] = [
        "SecretAccessKey", "SessionToken", "secretAccessKey", "sessionToken", "accessToken", "Authorization",
        "X-Amz-Security-Token", "X-Amz-Signature", "Signature", "Password", "x-amz-sso_bearer_token",
    ]

    /// Literal secret values to mask wherever they appear.
    public var secrets: [String]

    /// Creates a redactor that also masks the given values.
    public init(secrets: [String] = []) {
        self.secrets = secrets.filter { $0.count >= 4 }
    }

    /// `text` with every secret masked.
    ///
    /// Literal secrets and XML elements are found in the UTF-8 bytes, not by comparing characters: a
    /// secret followed by a combining mark (U+0362, say) ends inside a different last character, and
    /// a character-wise search would not find it (the fuzzer found one such reply).
    public func redact(_ text: String) -> String {
        var bytes = Array(Self.masking(secrets, in: text).utf8)
        for field in Self.secretFields {
            bytes = Self.maskingXMLElement(field, in: bytes)
        }
        var result = String(decoding: bytes, as: UTF8.self)
        for field in Self.secretFields {
            result = Self.maskJSONField(field, in: result)
        }
        return result
    }

    /// A header line's value, masked when the header carries a secret.
    public func redactHeader(name: String, value: String) -> String {
        let lower = name.lowercased()
        if lower == "authorization" || lower == "x-amz-security-token" || lower == "x-amz-sso_bearer_token" {
            return Self.mask
        }
        return redact(value)
    }

    private static let maskBytes = Array(mask.utf8)

    /// `text` with every occurrence of each of `secrets` masked, compared byte by byte (see
    /// ``redact(_:)``); nothing else is changed.
    public static func masking(_ secrets: [String], in text: String) -> String {
        var bytes = Array(text.utf8)
        for secret in secrets {
            bytes = replacing(Array(secret.utf8), in: bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `bytes` with every occurrence of `secret` replaced by the mask.
    private static func replacing(_ secret: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard !secret.isEmpty, var next = firstIndex(of: secret, in: bytes, from: 0) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = 0
        while true {
            result += bytes[copied..<next] + maskBytes
            copied = next + secret.count
            guard let found = firstIndex(of: secret, in: bytes, from: copied) else { break }
            next = found
        }
        return result + bytes[copied...]
    }

    /// `bytes` with the content of every `<name>...</name>` element masked.
    private static func maskingXMLElement(_ name: String, in bytes: [UInt8]) -> [UInt8] {
        let open = Array("<\(name)>".utf8)
        let close = Array("</\(name)>".utf8)
        var result = bytes
        var searchStart = 0
        while let start = firstIndex(of: open, in: result, from: searchStart),
            let end = firstIndex(of: close, in: result, from: start + open.count)
        {
            result.replaceSubrange((start + open.count)..<end, with: maskBytes)
            searchStart = start + open.count + maskBytes.count + close.count
        }
        return result
    }

    /// Where `needle` first occurs in `haystack` at or after `from`.
    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func maskJSONField(_ name: String, in text: String) -> String {
        guard text.contains("\"\(name)\"") else { return text }
        let pattern = "(\"\(NSRegularExpression.escapedPattern(for: name))\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return regex.stringByReplacingMatches(in: text, range: range, withTemplate: "$1\(mask)$3")
    }
}
