/// The trust policy of the role in each secondary: the primary account may assume it.
public enum TrustPolicy {
    /// The action a trust policy must allow for the scanner to use the role.
    public static let assumeRoleAction = "sts:AssumeRole"

    /// `Allow sts:AssumeRole` to `arn:<partition>:iam::<primary>:root`.
    public static func document(primaryAccount: AccountID, partition: String = "aws") -> PolicyDocument {
        let root = "arn:\(partition):iam::\(primaryAccount):root"
        let statement = PolicyStatement(principal: .aws([root]), actions: [assumeRoleAction], resources: [])
        return PolicyDocument(statements: [statement])
    }
}

extension PolicyDocument {
    /// Whether this trust policy lets `account` (any principal in it) assume the role.
    ///
    /// IAM stores the account as `arn:aws:iam::ID:root` or, in older documents, as the bare ID; both
    /// are recognised, written as a string or in an array, in any partition. A statement counts
    /// when it allows `sts:AssumeRole` (wildcards honoured); a matching `Deny` wins. `Principal: "*"`
    /// and conditions are not taken as naming the account: the check wants explicit trust.
    public func trustAdmits(account: AccountID) -> Bool {
        let naming = statements.filter { statement in
            statement.allows(action: TrustPolicy.assumeRoleAction)
                && (statement.principal?.values(of: "AWS") ?? []).contains { Self.names(account, $0) }
        }
        if naming.contains(where: { $0.effect == "Deny" }) {
            return false
        }
        return naming.contains(where: \.isAllow)
    }

    /// Whether a principal value is the account itself, as an ID or as its root ARN.
    private static func names(_ account: AccountID, _ principal: String) -> Bool {
        if principal == account.value {
            return true
        }
        guard let arn = try? ARN(principal) else { return false }
        return arn.service == "iam" && arn.account == account.value && arn.resource == "root"
    }
}
