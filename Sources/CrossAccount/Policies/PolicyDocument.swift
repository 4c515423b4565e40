/// An IAM or S3 policy document that keeps every field it holds, understood or not.
///
/// `Statement` may be a single object or an array; both are read, and the shape is kept on write
/// while it still fits (one statement stays an object).
public struct PolicyDocument: Sendable, Hashable {
    /// The policy language version every s3x document uses.
    public static let currentVersion = "2012-10-17"

    /// All top-level fields of the document.
    public private(set) var fields: [String: JSONValue]

    /// An empty document with `Version` set and no statements yet.
    public init(version: String = PolicyDocument.currentVersion, statements: [PolicyStatement] = []) {
        fields = ["Version": .string(version)]
        self.statements = statements
    }

    /// Wraps a parsed JSON value.
    /// - Throws: `PolicyError.notAPolicyDocument` unless it is an object, and
    ///   `PolicyError.statementNotAnObject` when a statement is not an object.
    public init(json: JSONValue) throws(PolicyError) {
        guard let members = json.objectValue else {
            throw .notAPolicyDocument(found: json.kindDescription)
        }
        let statements: [JSONValue]
        switch members["Statement"] {
        case .array(let elements): statements = elements
        case .some(let single): statements = [single]
        case nil: statements = []
        }
        for (index, statement) in statements.enumerated() where statement.objectValue == nil {
            throw .statementNotAnObject(index: index, found: statement.kindDescription)
        }
        fields = members
    }

    /// Parses the text of a policy document.
    /// - Throws: `PolicyError.malformedJSON` with a position, or the errors of `init(json:)`.
    public init(parsing text: String) throws(PolicyError) {
        try self.init(json: JSONValue(parsing: text))
    }

    /// The `Version` field, if present.
    public var version: String? { fields["Version"]?.stringValue }

    /// The statements in their written order; a single-object `Statement` reads as one statement.
    public var statements: [PolicyStatement] {
        get {
            switch fields["Statement"] {
            case .array(let elements): elements.compactMap(\.objectValue).map(PolicyStatement.init(fields:))
            case .object(let single): [PolicyStatement(fields: single)]
            default: []
            }
        }
        set {
            if case .object = fields["Statement"], newValue.count == 1, let only = newValue.first {
                fields["Statement"] = only.json
            } else {
                fields["Statement"] = .array(newValue.map(\.json))
            }
        }
    }

    /// The whole document as JSON.
    public var json: JSONValue { .object(fields) }

    /// The compact canonical text, as s3x sends it to AWS.
    public var compactText: String { json.compactText }

    /// The pretty canonical text, for people.
    public var prettyText: String { json.prettyText }

    /// The size IAM counts against its managed-policy limit: characters, whitespace not counted.
    ///
    /// IAM ignores whitespace when it measures a policy (IAM User Guide, "IAM and AWS STS quotas"),
    /// so this counts the characters of the compact text that are not whitespace.
    public var iamCharacterCount: Int {
        let text = compactText
        // Policies are nearly always ASCII: count bytes then, and Unicode scalars otherwise.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.unicodeScalars.count { !$0.properties.isWhitespace }
        }
        return text.utf8.count { !(0x09...0x0D).contains($0) && $0 != 0x20 }
    }

    /// The size S3 counts against its bucket-policy limit: UTF-8 bytes of the text that would be written.
    public var byteCount: Int { compactText.utf8.count }
}
