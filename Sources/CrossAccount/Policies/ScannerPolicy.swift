/// The managed policies of the procedure: the scanner's actions, and the primary's AssumeRole grants.
///
/// Names are parameters; the vendor's names are only the defaults below.
public enum ScannerPolicy {
    /// The actions the scanner needs in every account, in the procedure's order.
    public static let actions: [String] = [
        "s3:Get*", "s3:List*", "s3:Put*", "s3:Delete*", "s3:CreateBucket",
        "iam:GetUser", "iam:GetRole", "iam:GetUserPolicy", "iam:ListUsers",
        "cloudtrail:GetTrailStatus", "cloudtrail:DescribeTrails", "cloudtrail:LookupEvents",
        "cloudtrail:ListTags", "cloudtrail:ListPublicKeys", "cloudtrail:GetEventSelectors",
        "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs",
        "config:Get*", "config:Describe*", "config:Deliver*", "config:List*",
    ]

    /// The vendor's name for the primary's managed policy.
    public static let defaultPrimaryPolicyName = "prisma-saas-s3-primary-policy"
    /// The vendor's name for each secondary's managed policy.
    public static let defaultSecondaryPolicyName = "prisma-saas-s3-secondary-policy"
    /// The vendor's name for the role in each secondary.
    public static let defaultRoleName = "prisma-saas-s3-cross-account-access-role"

    /// IAM's limit on a managed policy: 6,144 characters, whitespace not counted
    /// (IAM User Guide, "IAM and AWS STS quotas").
    public static let managedPolicyCharacterLimit = 6_144
    /// How many managed policies IAM lets one user have attached by default (20 with a quota increase).
    public static let defaultAttachedPolicyLimit = 10

    /// `Allow` on every scanner action, on every resource.
    public static var actionsStatement: PolicyStatement {
        var statement = PolicyStatement(actions: actions, resources: ["*"])
        statement.fields["Action"] = .array(actions.map(JSONValue.string))
        return statement
    }

    /// `Allow sts:AssumeRole` on every role given, in one statement.
    public static func assumeRoleStatement(roles: [RoleARN]) -> PolicyStatement {
        PolicyStatement(actions: ["sts:AssumeRole"], resources: roles.map(\.description))
    }

    /// The secondary policy: the actions statement alone.
    public static var secondaryDocument: PolicyDocument {
        PolicyDocument(statements: [actionsStatement])
    }

    /// The primary policy as one document, however large: the actions, then one grant for all roles.
    public static func primaryDocument(
        secondaryIDs: [AccountID], roleName: String = defaultRoleName, partition: String = "aws"
    ) -> PolicyDocument {
        let roles = unique(secondaryIDs).map { RoleARN(account: $0, roleName: roleName, partition: partition) }
        return document(includingActions: true, roles: roles)
    }

    /// The primary policy split into managed policies that each fit IAM's size limit.
    ///
    /// The first, named `baseName`, holds the actions statement and as many grants as fit; the next,
    /// `baseName-2`, `baseName-3`, ..., hold only grants. Sizes are measured as IAM counts them.
    /// Repeated account IDs are granted once, in first-seen order.
    public static func primaryPolicies(
        baseName: String = defaultPrimaryPolicyName, secondaryIDs: [AccountID],
        roleName: String = defaultRoleName, partition: String = "aws",
        characterLimit: Int = managedPolicyCharacterLimit
    ) -> [NamedPolicy] {
        // Each policy takes the longest run of the remaining accounts that fits, and at least one
        // (the first policy, which also holds the actions, may take none). Adding an account only
        // adds characters, so the run is found by doubling then halving: O(log n) serializations
        // per policy instead of one per account.
        var chunks: [[AccountID]] = []
        var remaining = unique(secondaryIDs)[...]
        repeat {
            let isFirst = chunks.isEmpty
            let fits = { (count: Int) in
                let roles = remaining.prefix(count).map {
                    RoleARN(account: $0, roleName: roleName, partition: partition)
                }
                return document(includingActions: isFirst, roles: roles).iamCharacterCount <= characterLimit
            }
            var fitting = isFirst ? 0 : 1
            var tooMany = remaining.count + 1
            var probe = max(fitting, 1)
            while probe < tooMany {
                if fits(probe) {
                    fitting = probe
                    probe *= 2
                } else {
                    tooMany = probe
                }
            }
            while tooMany - fitting > 1 {
                let middle = (fitting + tooMany) / 2
                if fits(middle) { fitting = middle } else { tooMany = middle }
            }
            chunks.append(Array(remaining.prefix(fitting)))
            remaining = remaining.dropFirst(fitting)
        } while !remaining.isEmpty
        return chunks.enumerated().map { index, accounts in
            let roles = accounts.map { RoleARN(account: $0, roleName: roleName, partition: partition) }
            let name = index == 0 ? baseName : "\(baseName)-\(index + 1)"
            return NamedPolicy(
                name: name, document: document(includingActions: index == 0, roles: roles), grantedAccounts: accounts)
        }
    }

    /// Checks that the user can hold `policies` next to `otherAttached` policies it already has.
    /// - Throws: `PolicyError.tooManyManagedPolicies` with the count needed and the limit.
    public static func checkAttachmentLimit(
        _ policies: [NamedPolicy], otherAttached: Int = 0, limit: Int = defaultAttachedPolicyLimit
    ) throws(PolicyError) {
        let needed = policies.count + otherAttached
        guard needed <= limit else {
            throw .tooManyManagedPolicies(needed: needed, limit: limit)
        }
    }

    /// The accounts whose role `roleName` an existing primary policy lets its holder assume, in order.
    ///
    /// Reads both the vendor's form (one statement per account) and s3x's (one statement for all).
    public static func grantedAccounts(in documents: [PolicyDocument], roleName: String = defaultRoleName)
        -> [AccountID]
    {
        let statements = documents.flatMap(\.statements).filter { $0.isAllow && $0.allows(action: "sts:AssumeRole") }
        let roles = statements.flatMap(\.resources).compactMap { try? RoleARN($0) }
        return unique(roles.filter { $0.name == roleName && $0.path == "/" }.map(\.account))
    }

    private static func document(includingActions: Bool, roles: [RoleARN]) -> PolicyDocument {
        var statements = includingActions ? [actionsStatement] : []
        if !roles.isEmpty {
            statements.append(assumeRoleStatement(roles: roles))
        }
        return PolicyDocument(statements: statements)
    }

    private static func unique(_ accounts: [AccountID]) -> [AccountID] {
        var seen: Set<AccountID> = []
        return accounts.filter { seen.insert($0).inserted }
    }
}
