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
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.mask)
        }
        for field in Self.secretFields {
            result = Self.maskXMLElement(field, in: result)
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

    private static func maskXMLElement(_ name: String, in text: String) -> String {
        var result = text
        var searchStart = result.startIndex
        while let open = result.range(of: "<\(name)>", range: searchStart..<result.endIndex),
            let close = result.range(of: "</\(name)>", range: open.upperBound..<result.endIndex)
        {
            result.replaceSubrange(open.upperBound..<close.lowerBound, with: mask)
            searchStart = result.index(open.upperBound, offsetBy: mask.count + name.count + 3)
        }
        return result
    }

    private static func maskJSONField(_ name: String, in text: String) -> String {
        guard text.contains("\"\(name)\"") else { return text }
        let pattern = "(\"\(NSRegularExpression.escapedPattern(for: name))\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return regex.stringByReplacingMatches(in: text, range: range, withTemplate: "$1\(mask)$3")
    }
}
