import AWS
import CrossAccount
import Services

/// A change made behind s3x's back after a complete setup, so that the next run has to make a specific
/// mutating call (`UpdateTrail`, `CreatePolicyVersion`, `DeletePolicyVersion`, `UpdateAssumeRolePolicy`).
enum Drift: Sendable {
    /// The primary trail becomes single-region: the next run calls `UpdateTrail`.
    case singleRegionTrail
    /// The primary policy gets a new default version with another document: the next run calls
    /// `CreatePolicyVersion`.
    case policyDocument
    /// As `policyDocument`, with IAM's five versions taken: the next run also calls `DeletePolicyVersion`.
    case fivePolicyVersions
    /// The first secondary's role trusts another account only: the next run calls `UpdateAssumeRolePolicy`.
    case roleTrust

    /// A document that differs from the scanner's policy.
    static let otherDocument =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}"#

    /// Makes the change in `run`'s resources, directly through `session` (the emulator, no faults).
    /// - Throws: `AWSError`.
    func apply(to run: ProcedureRun, in session: FaultedSession) async throws {
        let primary = session.primary
        let policyARN = "arn:\(primary.partition):iam::\(primary.id):policy/\(run.names.primaryPolicy)"
        switch self {
        case .singleRegionTrail:
            let settings = TrailSettings(
                name: run.names.primaryTrail, bucket: run.bucket(session), isMultiRegion: false)
            _ = try await primary.cloudTrail().updateTrail(settings)
        case .policyDocument:
            _ = try await primary.iam().createPolicyVersion(
                arn: policyARN, document: Self.otherDocument, setAsDefault: true)
        case .fivePolicyVersions:
            for _ in 0..<4 {
                _ = try await primary.iam().createPolicyVersion(
                    arn: policyARN, document: Self.otherDocument, setAsDefault: true)
            }
        case .roleTrust:
            let secondary = session.secondaries[0]
            let trust = TrustPolicy.document(
                primaryAccount: try AccountID("444455556666"), partition: secondary.partition)
            try await secondary.iam().updateAssumeRolePolicy(roleName: run.names.role, trustPolicy: trust.compactText)
        }
    }
}
