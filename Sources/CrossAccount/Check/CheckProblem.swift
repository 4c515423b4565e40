import AWS

/// Why one item of the check failed, rendered as the row's detail.
public enum CheckProblem: Error, Sendable, CustomStringConvertible {
    /// An AWS call failed unexpectedly.
    case aws(AWSError)
    /// A resource the procedure creates does not exist.
    case notFound(kind: String, name: String)
    /// The bucket exists but the primary account does not own it.
    case bucketNotOwned(bucket: String, account: AccountID)
    /// A policy document could not be read.
    case unreadablePolicy(name: String, PolicyError)
    /// The bucket policy lacks a statement that does what `purpose` says.
    case statementMissing(policy: String, purpose: String)
    /// A trail setting differs from the procedure's.
    case trailSetting(trail: String, setting: String, expected: String, found: String)
    /// The user has no access key, or none active.
    case noActiveKey(user: String, inactive: [String])
    /// Managed policies that should be attached to a user or role are not.
    case notAttached(policies: [String], principal: String)
    /// The scanner actions no attached statement allows on every resource.
    case actionsMissing([String])
    /// No policy grants `sts:AssumeRole` on `role`.
    case grantMissing(role: String, policies: [String])
    /// The secondary policy holds other statements than the single scanner statement.
    case unexpectedStatements(policy: String, found: String)
    /// The role's trust policy does not let `account` assume it.
    case trustMissing(role: String, account: AccountID)
    /// The scanner key signs as someone other than the scanner's user.
    case identityMismatch(expected: String, found: String)
    /// The scanner key was refused, so no role could be assumed with it.
    case keyRefused(AWSError)
    /// IAM's policy simulation says the user may not assume `role`.
    case simulationDenied(user: String, role: String, decision: String)

    public var description: String {
        switch self {
        case .aws(let error):
            return "\(error)"
        case .notFound(let kind, let name):
            return "there is no \(kind) named \(name)"
        case .bucketNotOwned(let bucket, let account):
            return "bucket \(bucket) exists but account \(account) does not own it"
        case .unreadablePolicy(let name, let error):
            return "the policy \(name) cannot be read: \(error)"
        case .statementMissing(let policy, let purpose):
            return "the policy of \(policy) has no statement that \(purpose)"
        case .trailSetting(let trail, let setting, let expected, let found):
            return "trail \(trail): \(setting) is \(found), expected \(expected)"
        case .noActiveKey(let user, let inactive):
            let note = inactive.isEmpty ? "" : " (inactive: \(inactive.joined(separator: ", ")))"
            return "user \(user) has no active access key\(note)"
        case .notAttached(let policies, let principal):
            return "not attached to \(principal): \(policies.joined(separator: ", "))"
        case .actionsMissing(let actions):
            return "no attached statement allows on every resource: \(actions.joined(separator: ", "))"
        case .grantMissing(let role, let policies):
            let read = policies.isEmpty ? "no primary policy exists" : "read \(policies.joined(separator: ", "))"
            return "no statement allows sts:AssumeRole on \(role) (\(read))"
        case .unexpectedStatements(let policy, let found):
            return "policy \(policy) should hold exactly the scanner statement; its default version holds \(found)"
        case .trustMissing(let role, let account):
            return "the trust policy of \(role) does not admit account \(account)"
        case .identityMismatch(let expected, let found):
            return "the scanner key signs as \(found), expected \(expected)"
        case .keyRefused(let error):
            return "the scanner key was refused: \(error)"
        case .simulationDenied(let user, let role, let decision):
            return "IAM policy simulation: \(user) may not assume \(role) (\(decision))"
        }
    }
}
