/// A JSON value that keeps every field of a document, whether s3x understands it or not.
///
/// Objects are unordered, so two documents that differ only in key order or whitespace are equal;
/// arrays keep their order. Numbers are held as `Double`, which is what IAM and S3 policies need.
public enum JSONValue: Sendable, Hashable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
}

extension JSONValue {
    /// The members of an object, or `nil` for any other value.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements of an array, or `nil` for any other value.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text of a string, or `nil` for any other value.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The member named `key` of an object; `nil` when absent or when this is not an object.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The strings of a field that IAM lets be written either as one string or as an array of strings.
    ///
    /// `"s3:GetObject"` and `["s3:GetObject"]` both give `["s3:GetObject"]`; non-string elements are skipped.
    public var stringOrArrayValues: [String] {
        switch self {
        case .string(let text):
            return [text]
        case .array(let elements):
            return elements.compactMap(\.stringValue)
        default:
            return []
        }
    }

    /// A field holding `values`, written as one string when there is exactly one and `preferString` is set.
    public static func stringOrArray(_ values: [String], preferString: Bool) -> JSONValue {
        if preferString, values.count == 1, let only = values.first {
            return .string(only)
        }
        return .array(values.map(JSONValue.string))
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension JSONValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self = .number(Double(value))
    }
}
