import HTTP

/// Finds the credential values in an emulator reply or a signed request, so tests can search
/// output for them.
public enum FaultProxySecrets {
    /// The SigV4 signature of an `Authorization` header and the `X-Amz-Security-Token` of a request.
    public static func values(inRequestHeaders headers: HTTPHeaders) -> Set<String> {
        var found: Set<String> = []
        if let authorization = headers["Authorization"], let start = authorization.range(of: "Signature=") {
            found.insert(String(authorization[start.upperBound...].prefix { $0.isHexDigit }))
        }
        if let token = headers["X-Amz-Security-Token"] { found.insert(token) }
        return found.filter { !$0.isEmpty }
    }

    /// The element and field names whose values are secrets.
    static let names = ["SecretAccessKey", "SessionToken"]

    /// Every `SecretAccessKey` and `SessionToken` value in `body`, as XML elements or JSON fields.
    public static func values(in body: [UInt8]) -> Set<String> {
        let text = String(decoding: body, as: UTF8.self)
        var found: Set<String> = []
        for name in names {
            found.formUnion(between("<\(name)>", "</\(name)>", in: text))
            found.formUnion(between("\"\(name)\": \"", "\"", in: text))
            found.formUnion(between("\"\(name)\":\"", "\"", in: text))
        }
        return found.filter { !$0.isEmpty }
    }

    /// Every text between `open` and the next `close` in `text`.
    private static func between(_ open: String, _ close: String, in text: String) -> [String] {
        var values: [String] = []
        var rest = text[...]
        while let start = rest.range(of: open) {
            rest = rest[start.upperBound...]
            guard let end = rest.range(of: close) else {
                break
            }
            values.append(String(rest[..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return values
    }
}
