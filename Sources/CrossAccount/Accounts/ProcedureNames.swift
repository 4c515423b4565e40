/// The names of everything the procedure creates; the vendor's names are the defaults and every
/// one can be changed.
public struct ProcedureNames: Sendable, Equatable {
    /// The CloudTrail bucket's name before the primary account id (`prisma-saas-s3-`).
    public var bucketPrefix: String
    /// The bucket's full name when set explicitly (overrides `bucketPrefix` + primary id).
    public var bucketOverride: String?
    /// The primary's trail.
    public var primaryTrail: String
    /// Each secondary's trail.
    public var secondaryTrail: String
    /// The scanner's IAM user in the primary.
    public var user: String
    /// The primary's managed policy (further ones get `-2`, `-3`, ... when the grants are split).
    public var primaryPolicy: String
    /// Each secondary's managed policy.
    public var secondaryPolicy: String
    /// The role in each secondary.
    public var role: String

    /// The vendor's names.
    public static let `default` = ProcedureNames(
        bucketPrefix: "prisma-saas-s3-", bucketOverride: nil, primaryTrail: "prisma-saas-s3-primary-trail",
        secondaryTrail: "prisma-saas-s3-secondary-trail", user: "prisma-saas-s3-user",
        primaryPolicy: "prisma-saas-s3-primary-policy", secondaryPolicy: "prisma-saas-s3-secondary-policy",
        role: "prisma-saas-s3-cross-account-access-role")

    /// Creates a set of names.
    public init(
        bucketPrefix: String, bucketOverride: String?, primaryTrail: String, secondaryTrail: String, user: String,
        primaryPolicy: String, secondaryPolicy: String, role: String
    ) {
        self.bucketPrefix = bucketPrefix
        self.bucketOverride = bucketOverride
        self.primaryTrail = primaryTrail
        self.secondaryTrail = secondaryTrail
        self.user = user
        self.primaryPolicy = primaryPolicy
        self.secondaryPolicy = secondaryPolicy
        self.role = role
    }

    /// The CloudTrail bucket of `primary`.
    public func bucket(primary: AccountID) -> String {
        bucketOverride ?? "\(bucketPrefix)\(primary)"
    }
}
