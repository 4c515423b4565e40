/// The `Principal` of a policy statement, in any of the forms IAM and S3 store.
///
/// `"*"` means everyone; otherwise each principal type ("AWS", "Service", "Federated", ...) maps to
/// one or more values, each written as a string or an array of strings.
public enum Principal: Sendable, Hashable {
    /// `"Principal": "*"`.
    case everyone
    /// `"Principal": {"AWS": [...], "Service": "..."}`; types and values exactly as written.
    case entities([String: [String]])

    /// The principal that AWS services such as CloudTrail use, e.g. `cloudtrail.amazonaws.com`.
    public static func service(_ name: String) -> Principal {
        .entities(["Service": [name]])
    }

    /// An AWS principal (account root ARN, account ID, user or role ARN).
    public static func aws(_ values: [String]) -> Principal {
        .entities(["AWS": values])
    }

    /// Reads a `Principal` field; `nil` when it has neither supported form.
    public init?(json: JSONValue) {
        switch json {
        case .string("*"):
            self = .everyone
        case .object(let members):
            self = .entities(members.mapValues(\.stringOrArrayValues))
        default:
            return nil
        }
    }

    /// The values given for a principal type, e.g. `values(of: "Service")`; empty for `everyone`.
    public func values(of type: String) -> [String] {
        guard case .entities(let entities) = self else { return [] }
        return entities[type] ?? []
    }

    /// The field as written back: single values as strings, several as arrays.
    public var json: JSONValue {
        switch self {
        case .everyone:
            return .string("*")
        case .entities(let entities):
            return .object(entities.mapValues { JSONValue.stringOrArray($0, preferString: true) })
        }
    }
}
