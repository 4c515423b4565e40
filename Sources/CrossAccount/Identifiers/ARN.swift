/// An Amazon Resource Name, `arn:partition:service:region:account:resource`, parsed into its fields.
public struct ARN: Sendable, Hashable, CustomStringConvertible {
    /// The partition: `aws`, `aws-cn`, `aws-us-gov`, ...
    public let partition: String
    /// The service namespace, e.g. `iam` or `s3`.
    public let service: String
    /// The region; empty for global services such as IAM and S3.
    public let region: String
    /// The owning account; empty for S3 buckets, `aws` for AWS managed policies.
    public let account: String
    /// Everything after the fifth colon, colons included (`role/path/name`, `bucket/key`).
    public let resource: String

    /// Parses and checks an ARN.
    /// - Throws: `IdentifierError.ruleBroken` when the shape is wrong, `.badARNField` naming a bad field.
    public init(_ text: String) throws(IdentifierError) {
        try self.init(text, kind: .arn)
    }

    /// Parses an ARN, reporting errors as `kind` (e.g. `.roleARN`).
    /// - Throws: as `init(_:)`.
    init(_ text: String, kind: IdentifierKind) throws(IdentifierError) {
        // Split as bytes, as the fields before the resource allow ASCII only: splitting Characters
        // took 13,000 instructions an ARN, and a setup parses one for every role it grants.
        let parts = text.utf8.split(separator: UInt8(ascii: ":"), maxSplits: 5, omittingEmptySubsequences: false)
            .map { String(Substring($0)) }
        guard parts.count == 6, parts[0] == "arn" else {
            throw .ruleBroken(
                kind, value: text, rule: "must have the form arn:partition:service:region:account:resource")
        }
        (partition, service, region, account, resource) = (parts[1], parts[2], parts[3], parts[4], parts[5])
        try Self.checkToken(partition, field: "partition", in: text, kind: kind, mayBeEmpty: false)
        try Self.checkToken(service, field: "service", in: text, kind: kind, mayBeEmpty: false)
        try Self.checkToken(region, field: "region", in: text, kind: kind, mayBeEmpty: true)
        let digits = account.allSatisfy(IdentifierRules.isASCIIDigit)
        guard account.isEmpty || account == "aws" || (account.count == 12 && digits) else {
            throw .badARNField(kind, value: text, field: "account", rule: "must be empty, \"aws\" or 12 digits")
        }
        guard !resource.isEmpty else {
            throw .badARNField(kind, value: text, field: "resource", rule: "must not be empty")
        }
    }

    /// Builds an ARN from fields already known to be valid.
    public init(partition: String, service: String, region: String = "", account: String, resource: String) {
        (self.partition, self.service, self.region, self.account, self.resource) =
            (partition, service, region, account, resource)
    }

    public var description: String {
        "arn:\(partition):\(service):\(region):\(account):\(resource)"
    }

    /// Partitions, services and regions are lowercase letters, digits and hyphens.
    private static func checkToken(
        _ token: String, field: String, in text: String, kind: IdentifierKind, mayBeEmpty: Bool
    ) throws(IdentifierError) {
        if token.isEmpty, !mayBeEmpty {
            throw .badARNField(kind, value: text, field: field, rule: "must not be empty")
        }
        let allowed = token.allSatisfy {
            IdentifierRules.isASCIILowercase($0) || IdentifierRules.isASCIIDigit($0) || $0 == "-"
        }
        guard allowed else {
            throw .badARNField(
                kind, value: text, field: field,
                rule: "\"\(token)\" may hold only lowercase letters, digits and hyphens")
        }
    }
}
