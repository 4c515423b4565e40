import CrossAccount

/// One piece of a complete setup left out or broken, and the single row the check must fail.
enum CheckBreakage: String, CaseIterable, Sendable, CustomStringConvertible {
    case noBucket
    case missingPrefixForSecondSecondary
    case primaryTrailNotLogging
    case primaryTrailWrongBucket
    case primaryTrailNoDataEvents
    case missingUser
    case noAccessKey
    case primaryPolicyNotAttached
    case grantMissingForSecondSecondary
    case roleMissing
    case trustNotAdmittingPrimary
    case secondaryPolicyDetached
    case secondaryTrailMissing

    var description: String { rawValue }

    /// The `(account, item)` of the one row that must be `FAIL`.
    func failingRow(primary: Account, secondaries: [Account]) -> [String] {
        let (first, second) = (secondaries[0], secondaries[1])
        switch self {
        case .noBucket: return [primary.alias, "bucket"]
        case .missingPrefixForSecondSecondary: return [primary.alias, "bucket policy: logs of \(second.label)"]
        case .primaryTrailNotLogging: return [primary.alias, "trail: logging"]
        case .primaryTrailWrongBucket: return [primary.alias, "trail: bucket"]
        case .primaryTrailNoDataEvents: return [primary.alias, "trail: S3 data events"]
        case .missingUser: return [primary.alias, "user"]
        case .noAccessKey: return [primary.alias, "user: access key"]
        case .primaryPolicyNotAttached: return [primary.alias, "user: policies attached"]
        case .grantMissingForSecondSecondary: return [primary.alias, "user: AssumeRole \(second.label)"]
        case .roleMissing: return [first.alias, "role"]
        case .trustNotAdmittingPrimary: return [first.alias, "role: trust"]
        case .secondaryPolicyDetached: return [first.alias, "role: policy attached"]
        case .secondaryTrailMissing: return [first.alias, "trail"]
        }
    }
}
