import AWS

/// Why an ensure action stopped, with the action, the account and the next step where one is known.
///
/// Messages never hold a secret: AWS errors carry only the service's code and message, and the
/// action's own cases carry names, ids and counts.
public enum ActionError: Error, Sendable, CustomStringConvertible {
    /// An AWS call failed; `hint` is the next step when one is known.
    case aws(action: String, account: String, error: AWSError, hint: String?)
    /// A policy document could not be read or would break a limit; nothing was written.
    case policy(action: String, account: String, error: PolicyError)
    /// A name or id given to the action is not valid for its kind.
    case identifier(action: String, account: String, error: IdentifierError)
    /// The bucket exists but belongs to another account.
    case bucketOwnedElsewhere(bucket: String, account: String)
    /// Revoking would leave the bucket policy without statements, which S3 does not accept.
    case bucketPolicyWouldBeEmpty(bucket: String, account: String)
    /// The user cannot hold every managed policy the primary needs; nothing was written.
    case attachedPolicyQuota(user: String, account: String, attached: Int, missing: [String], quota: Int)
    /// Reading back what was just written did not show it.
    case verificationFailed(action: String, account: String, reason: String)

    public var description: String {
        switch self {
        case .aws(let action, let account, let error, let hint):
            return "\(action) in \(account): \(error)" + (hint.map { "\n  hint: \($0)" } ?? "")
        case .policy(let action, let account, let error):
            return "\(action) in \(account): \(error)"
        case .identifier(let action, let account, let error):
            return "\(action) in \(account): \(error)"
        case .bucketOwnedElsewhere(let bucket, let account):
            return """
                bucket \(bucket) exists but is not owned by \(account) (it is not in the account's ListBuckets); \
                S3 bucket names are global: choose another name, or run the command in the account that owns it
                """
        case .bucketPolicyWouldBeEmpty(let bucket, let account):
            return """
                bucket revoke-prefix in \(account): the bucket policy of \(bucket) would have no statement left, \
                which S3 refuses; nothing was written. Delete the bucket policy instead if that is what you want
                """
        case .attachedPolicyQuota(let user, let account, let attached, let missing, let quota):
            return """
                user \(user) in \(account) has \(attached) managed policies attached and needs \(missing.count) more \
                (\(missing.joined(separator: ", "))), over the quota of \(quota) (AttachedPoliciesPerUserQuota); \
                nothing was written. Detach unused policies, or ask AWS to raise the quota (20 at most)
                """
        case .verificationFailed(let action, let account, let reason):
            return "\(action) in \(account): verification failed: \(reason)"
        }
    }

    /// The underlying AWS error, when the failure came from a call.
    public var awsError: AWSError? {
        if case .aws(_, _, let error, _) = self { return error }
        return nil
    }

    /// The next step suggested to the person, when one is known.
    public var hint: String? {
        if case .aws(_, _, _, let hint) = self { return hint }
        return nil
    }
}
