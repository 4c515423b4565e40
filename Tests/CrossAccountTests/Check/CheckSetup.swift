import AWS
import CrossAccount
import Services
import TestSupport

/// A complete setup of the procedure in the emulator's primary and two secondaries, built
/// directly through the Services clients with names no other test uses; one piece may be broken.
struct CheckSetup {
    /// The primary account, signed as the emulator's admin.
    let primary: Account
    /// Two secondaries, reached through their admin roles.
    let secondaries: [Account]
    /// The unique names of this setup.
    let names: ProcedureNames
    /// The scanner user's key, when the user has one.
    let scannerKey: NewAccessKey?

    /// Builds the setup, leaving out or breaking `breakage` when given.
    /// - Throws: when the emulator refuses a call.
    static func build(_ emulator: Emulator, breaking breakage: CheckBreakage? = nil) async throws -> CheckSetup {
        let suffix = Emulator.uniqueSuffix()
        let names = ProcedureNames(
            bucketPrefix: "unused-", bucketOverride: "s3x-check-\(suffix)", primaryTrail: "chk-primary-\(suffix)",
            secondaryTrail: "chk-secondary-\(suffix)", user: "chk-user-\(suffix)",
            primaryPolicy: "chk-primary-\(suffix)", secondaryPolicy: "chk-secondary-\(suffix)",
            role: "chk-role-\(suffix)")
        let primary = try emulator.primaryAccount()
        var secondaries: [Account] = []
        for (index, id) in emulator.secondaries.prefix(2).enumerated() {
            secondaries.append(try await emulator.secondaryAccount(id, alias: "sec\(index + 1)"))
        }
        let builder = Builder(primary: primary, secondaries: secondaries, names: names, breakage: breakage)
        let key = try await builder.buildPrimary()
        for (index, secondary) in secondaries.enumerated() {
            try await builder.buildSecondary(secondary, isFirst: index == 0)
        }
        if breakage == .noBucket {
            try await builder.deleteBucket()
        }
        return CheckSetup(primary: primary, secondaries: secondaries, names: names, scannerKey: key)
    }

    /// The check of this setup, with the scanner key when `withKey`.
    func check(withKey: Bool = false, secret: String? = nil) -> SetupCheck {
        let key = withKey ? scannerKey.map { ($0.accessKeyID, secret ?? $0.secretAccessKey) } : nil
        return SetupCheck(
            primary: primary, secondaries: secondaries, names: names, dataEvents: .all,
            scannerKey: key.map { (accessKeyID: $0.0, secret: $0.1) })
    }

    /// The calls that build (and break) one setup.
    private struct Builder {
        let primary: Account
        let secondaries: [Account]
        let names: ProcedureNames
        let breakage: CheckBreakage?

        var bucket: String { names.bucket(primary: primary.id) }

        /// Bucket and policy, primary trail, user, key and primary policy; returns the user's key.
        func buildPrimary() async throws -> NewAccessKey? {
            let s3 = try primary.s3()
            try await s3.createBucket(name: bucket)
            var logged = [primary.id] + secondaries.map(\.id)
            if breakage == .missingPrefixForSecondSecondary { logged.removeLast() }
            let bucketName = try BucketName(bucket)
            let policy = PolicyDocument(statements: [
                CloudTrailBucketPolicy.aclCheckStatement(bucket: bucketName),
                CloudTrailBucketPolicy.writeStatement(bucket: bucketName, accounts: logged),
            ])
            try await s3.putBucketPolicy(bucket: bucket, policy: policy.compactText)

            var trailBucket = bucket
            if breakage == .primaryTrailWrongBucket {
                trailBucket = "\(bucket)-other"
                try await s3.createBucket(name: trailBucket)
            }
            try await trail(
                names.primaryTrail, in: primary, bucket: trailBucket,
                dataEvents: breakage != .primaryTrailNoDataEvents, logging: breakage != .primaryTrailNotLogging)
            return try await user()
        }

        /// The user, its key, and the primary policy granting the roles.
        func user() async throws -> NewAccessKey? {
            let iam = try primary.iam()
            var granted = secondaries.map(\.id)
            if breakage == .grantMissingForSecondSecondary { granted.removeLast() }
            let policies = ScannerPolicy.primaryPolicies(
                baseName: names.primaryPolicy, secondaryIDs: granted, roleName: names.role)
            var arns: [String] = []
            for policy in policies {
                arns.append(try await iam.createPolicy(name: policy.name, document: policy.document.compactText).arn)
            }
            guard breakage != .missingUser else { return nil }
            _ = try await iam.createUser(name: names.user)
            if breakage != .primaryPolicyNotAttached {
                for arn in arns { try await iam.attachUserPolicy(userName: names.user, policyARN: arn) }
            }
            guard breakage != .noAccessKey else { return nil }
            return try await iam.createAccessKey(userName: names.user)
        }

        /// The secondary policy, the role trusting the primary, and the secondary trail.
        func buildSecondary(_ account: Account, isFirst: Bool) async throws {
            let iam = try account.iam()
            let policy = try await iam.createPolicy(
                name: names.secondaryPolicy, document: ScannerPolicy.secondaryDocument.compactText)
            if !(isFirst && breakage == .roleMissing) {
                let trusted = isFirst && breakage == .trustNotAdmittingPrimary ? account.id : primary.id
                let trust = TrustPolicy.document(primaryAccount: trusted)
                _ = try await iam.createRole(name: names.role, trustPolicy: trust.compactText)
                if !(isFirst && breakage == .secondaryPolicyDetached) {
                    try await iam.attachRolePolicy(roleName: names.role, policyARN: policy.arn)
                }
            }
            if !(isFirst && breakage == .secondaryTrailMissing) {
                try await trail(names.secondaryTrail, in: account, bucket: bucket, dataEvents: true, logging: true)
            }
        }

        /// A multi-region trail into `bucket`, with S3 data events of all buckets and logging when asked.
        func trail(_ name: String, in account: Account, bucket: String, dataEvents: Bool, logging: Bool) async throws {
            let trails = try account.cloudTrail()
            _ = try await trails.createTrail(TrailSettings(name: name, bucket: bucket, isMultiRegion: true))
            if dataEvents {
                let all = DataResource(type: "AWS::S3::Object", values: ["arn:aws:s3"])
                try await trails.putEventSelectors(trailName: name, selectors: [EventSelector(dataResources: [all])])
            }
            if logging { try await trails.startLogging(name: name) }
        }

        /// Deletes the (empty) CloudTrail bucket: the Services layer has no such call, s3x never deletes.
        func deleteBucket() async throws {
            _ = try await primary.s3().client.send(
                AWSRequest(operation: "DeleteBucket", isMutating: true, method: "DELETE", path: "/\(bucket)"))
        }
    }
}
