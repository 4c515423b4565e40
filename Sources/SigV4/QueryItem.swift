/// One query-string parameter, held raw (not percent-encoded); the signer encodes it.
///
/// Its description hides the value of presigning parameters that carry secrets
/// (`X-Amz-Signature`, `X-Amz-Security-Token`).
public struct QueryItem: Sendable, Equatable {
    /// The parameter name, not percent-encoded.
    public var name: String
    /// The parameter value, not percent-encoded; a parameter without `=` has an empty value.
    public var value: String

    /// Creates a query parameter from its raw name and value.
    public init(name: String, value: String = "") {
        self.name = name
        self.value = value
    }

    /// Whether this parameter's value must never be printed.
    public var isSecret: Bool { ["X-Amz-Signature", "X-Amz-Security-Token"].contains(name) }
}

extension QueryItem: CustomStringConvertible, CustomDebugStringConvertible {
    /// `name=value`, raw, with the value of secret-bearing parameters redacted.
    public var description: String { "\(name)=\(isSecret ? "<redacted>" : value)" }

    /// The same redacted text as `description`.
    public var debugDescription: String { description }
}
