/// One HTTP header field as it will be sent; a request may repeat a name.
///
/// Its description hides the value of headers that carry secrets (`Authorization`,
/// `X-Amz-Security-Token`), so a logged request cannot leak a signature or session token.
public struct Header: Sendable, Equatable {
    /// The field name as sent; SigV4 compares names case-insensitively.
    public var name: String
    /// The field value as sent.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Names, lowercased, whose values are credentials or signatures.
    static let secretNames: Set<String> = ["authorization", "x-amz-security-token"]

    /// Whether this header's value must never be printed.
    public var isSecret: Bool { Self.secretNames.contains(name.lowercased()) }
}

extension Header: CustomStringConvertible, CustomDebugStringConvertible {
    /// `Name: value`, with the value of secret-bearing headers redacted.
    public var description: String { "\(name): \(isSecret ? "<redacted>" : value)" }

    /// The same redacted text as `description`.
    public var debugDescription: String { description }
}
