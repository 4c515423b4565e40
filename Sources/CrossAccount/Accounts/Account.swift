import AWS
import Services

/// One AWS account as the session knows it: its alias, id, principal, region and identity.
///
/// A value, but one reference wide: its fields live in an immutable box that copies share, and
/// setting one makes a new box. Every async call of a command carries the account (in its
/// `ActionContext`), so at 384 bytes inline each of their frames held copies of it, for every
/// account in flight at once.
public struct Account: Sendable {
    /// The fields an account holds.
    private struct Fields: Sendable {
        var alias: String
        var id: AccountID
        var principalARN: String
        var region: String
        var credentials: any CredentialProvider
        var source: CredentialSource
        var factory: ClientFactory
    }

    /// The box the fields live in; never changed once made.
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// This account's fields.
    private var box: Box

    /// Sets one field in a new box, leaving copies of this account as they were.
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    /// The name the person gave it (`primary`, `sec1`).
    public var alias: String {
        get { box.fields.alias }
        set { update { $0.alias = newValue } }
    }
    /// The 12-digit account id, learned from `GetCallerIdentity`.
    public var id: AccountID {
        get { box.fields.id }
        set { update { $0.id = newValue } }
    }
    /// The ARN of the principal the credentials belong to.
    public var principalARN: String {
        get { box.fields.principalARN }
        set { update { $0.principalARN = newValue } }
    }
    /// The region resources are created in.
    public var region: String {
        get { box.fields.region }
        set { update { $0.region = newValue } }
    }
    /// The credentials, refreshed as they near expiry.
    public var credentials: any CredentialProvider {
        get { box.fields.credentials }
        set { update { $0.credentials = newValue } }
    }
    /// Where the credentials came from.
    public var source: CredentialSource {
        get { box.fields.source }
        set { update { $0.source = newValue } }
    }
    /// Builds clients for this account (with its profile's endpoint settings).
    public var factory: ClientFactory {
        get { box.fields.factory }
        set { update { $0.factory = newValue } }
    }

    /// Creates an account.
    public init(
        alias: String, id: AccountID, principalARN: String, region: String, credentials: any CredentialProvider,
        source: CredentialSource, factory: ClientFactory
    ) {
        box = Box(
            Fields(
                alias: alias, id: id, principalARN: principalARN, region: region, credentials: credentials,
                source: source, factory: factory))
    }

    /// The partition of the principal's ARN (`aws`, `aws-cn`, `aws-us-gov`).
    public var partition: String {
        (try? ARN(principalARN).partition) ?? "aws"
    }

    /// `alias (id)`, for messages.
    public var label: String {
        "\(alias) (\(id))"
    }

    /// An IAM client.
    /// - Throws: `AWSError.endpoint`.
    public func iam() throws(AWSError) -> IAM {
        try factory.iam(region: region, credentials: credentials)
    }

    /// An S3 client creating buckets in this account's region.
    /// - Throws: `AWSError.endpoint`.
    public func s3() throws(AWSError) -> S3 {
        try factory.s3(region: region, credentials: credentials)
    }

    /// A CloudTrail client.
    /// - Throws: `AWSError.endpoint`.
    public func cloudTrail() throws(AWSError) -> CloudTrail {
        try factory.cloudTrail(region: region, credentials: credentials)
    }

    /// An STS client.
    /// - Throws: `AWSError.endpoint`.
    public func sts() throws(AWSError) -> STS {
        try factory.sts(region: region, credentials: credentials)
    }
}
