import AWS
import Services

/// One AWS account as the session knows it: its alias, id, principal, region and identity.
public struct Account: Sendable {
    /// The name the person gave it (`primary`, `sec1`).
    public var alias: String
    /// The 12-digit account id, learned from `GetCallerIdentity`.
    public var id: AccountID
    /// The ARN of the principal the credentials belong to.
    public var principalARN: String
    /// The region resources are created in.
    public var region: String
    /// The credentials, refreshed as they near expiry.
    public var credentials: any CredentialProvider
    /// Where the credentials came from.
    public var source: CredentialSource
    /// Builds clients for this account (with its profile's endpoint settings).
    public var factory: ClientFactory

    /// Creates an account.
    public init(
        alias: String, id: AccountID, principalARN: String, region: String, credentials: any CredentialProvider,
        source: CredentialSource, factory: ClientFactory
    ) {
        self.alias = alias
        self.id = id
        self.principalARN = principalARN
        self.region = region
        self.credentials = credentials
        self.source = source
        self.factory = factory
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
