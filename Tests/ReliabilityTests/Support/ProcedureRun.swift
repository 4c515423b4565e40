import AWS
import CrossAccount
import Services
import TestSupport

/// The example setup (examples/cross-account.s3x) run through the CrossAccount ensure actions, with names
/// of its own so runs sharing the emulator do not collide.
struct ProcedureRun {
    /// The run's token, part of every name, so end states of different runs can be compared.
    let token: String
    /// The names of everything the run creates.
    let names: ProcedureNames

    /// A run with fresh names.
    init() {
        token = "r" + Emulator.uniqueSuffix()
        names = ProcedureNames(
            bucketPrefix: "unused-", bucketOverride: "s3x-rel-\(token)", primaryTrail: "rel-primary-\(token)",
            secondaryTrail: "rel-secondary-\(token)", user: "rel-user-\(token)", primaryPolicy: "rel-primary-\(token)",
            secondaryPolicy: "rel-secondary-\(token)", role: "rel-role-\(token)")
    }

    /// The bucket of the run.
    func bucket(_ session: FaultedSession) -> String {
        names.bucket(primary: session.primary.id)
    }

    /// Runs every step of the procedure once, in the script's order, and returns the reports.
    /// - Throws: `ActionError` from the first step that fails.
    func run(_ session: FaultedSession) async throws -> [Report] {
        let primary = FaultedSession.apply(session.primary)
        let bucket = bucket(session)
        let secondaryIDs = session.secondaries.map(\.id)
        var reports: [Report] = []
        reports.append(try await BucketActions.ensureBucket(name: bucket, cloudTrail: true, context: primary))
        reports.append(
            try await TrailActions.ensureTrail(
                name: names.primaryTrail, bucket: bucket, allRegions: true, dataEvents: .all, context: primary))
        reports.append(try await UserActions.ensureUser(name: names.user, context: primary))
        reports.append(try await UserActions.ensureAccessKey(user: names.user, context: primary))
        reports += try await PolicyActions.ensurePrimaryPolicies(
            names: names, secondaryIDs: secondaryIDs, context: primary)
        reports.append(try await BucketActions.allowPrefixes(bucket: bucket, accounts: secondaryIDs, context: primary))
        for secondary in session.secondaries {
            reports += try await runSecondary(FaultedSession.apply(secondary), bucket: bucket, primary: primary)
        }
        return reports
    }

    /// Steps 4 and 5 in one secondary: its policy, its role trusting the primary, its trail.
    /// - Throws: `ActionError`.
    private func runSecondary(_ context: ActionContext, bucket: String, primary: ActionContext) async throws
        -> [Report]
    {
        [
            try await PolicyActions.ensureManagedPolicy(
                name: names.secondaryPolicy, document: ScannerPolicy.secondaryDocument, context: context),
            try await RoleActions.ensureRole(
                name: names.role, trusting: primary.account.id, attaching: names.secondaryPolicy, context: context),
            try await TrailActions.ensureTrail(
                name: names.secondaryTrail, bucket: bucket, allRegions: true, dataEvents: .all, context: context),
        ]
    }
}
