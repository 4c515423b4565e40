import AWS
import CrossAccount
import Foundation
import Services

/// The end state of one procedure run, read back directly from the emulator (never through the proxy),
/// with the run's token replaced so the states of two runs compare line by line.
struct SetupSnapshot: Equatable, CustomStringConvertible {
    /// One line per fact, such as `primary policy rel-primary-<run>: versions 1`.
    let lines: [String]

    var description: String { lines.joined(separator: "\n") }

    /// Reads the state of `run` in `session`'s accounts.
    /// - Throws: `AWSError` when a read fails.
    static func read(_ run: ProcedureRun, in session: FaultedSession) async throws -> SetupSnapshot {
        var reader = Reader(token: run.token)
        let names = run.names
        let primary = session.primary
        let bucket = run.bucket(session)
        reader.add("bucket exists", try await primary.s3().listBuckets().contains(bucket))
        reader.add("bucket policy", try await canonical(primary.s3().getBucketPolicy(bucket: bucket)))
        try await reader.addTrail(names.primaryTrail, in: primary)
        let iam = try primary.iam()
        reader.add("user", try await iam.getUser(name: names.user).arn)
        let keys = try await iam.listAccessKeys(userName: names.user)
        reader.add("access keys", "\(keys.count), active \(keys.filter(\.isActive).count)")
        let policies = ScannerPolicy.primaryPolicies(
            baseName: names.primaryPolicy, secondaryIDs: session.secondaries.map(\.id), roleName: names.role,
            partition: primary.partition)
        for policy in policies {
            try await reader.addPolicy(policy.name, in: primary)
        }
        reader.add("user policies", try await iam.listAttachedUserPolicies(userName: names.user).map(\.arn).sorted())
        for secondary in session.secondaries {
            try await reader.addSecondary(secondary, names: names)
        }
        return SetupSnapshot(lines: reader.lines)
    }

    /// A policy's text as the editor would write it, or `none`.
    static func canonical(_ text: String?) -> String {
        guard let text else {
            return "none"
        }
        return (try? PolicyDocument(parsing: text).compactText) ?? "unreadable: \(text)"
    }

    /// Collects lines, replacing the run's token.
    private struct Reader {
        let token: String
        var lines: [String] = []
        var prefix = "primary"

        mutating func add(_ label: String, _ value: some CustomStringConvertible) {
            lines.append("\(prefix) \(label): \(value)".replacingOccurrences(of: token, with: "<run>"))
        }

        mutating func addTrail(_ name: String, in account: Account) async throws {
            let cloudTrail = try account.cloudTrail()
            let trail = try await cloudTrail.getTrail(name: name)
            add("trail \(name)", "bucket \(trail?.bucket ?? "none"), all regions \(trail?.isMultiRegion ?? false)")
            let selectors = try await cloudTrail.getEventSelectors(trailName: name).eventSelectors ?? []
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            add("trail \(name) selectors", String(decoding: try encoder.encode(selectors), as: UTF8.self))
            add("trail \(name) logging", try await cloudTrail.getTrailStatus(name: name).isLogging)
        }

        mutating func addPolicy(_ name: String, in account: Account) async throws {
            let iam = try account.iam()
            let arn = "arn:\(account.partition):iam::\(account.id):policy/\(name)"
            let versions = try await iam.listPolicyVersions(arn: arn)
            let current = try await iam.getPolicy(arn: arn).defaultVersionID
            let document = try await iam.getPolicyVersion(arn: arn, versionID: current).document
            // IAM never reuses a version id, so a version made and deleted again after a lost reply shifts the
            // ids: the count and which version is the default are what must match a clean run.
            let numbers = versions.compactMap { Int($0.versionID.dropFirst()) }
            let newest = numbers.max().map { "v\($0)" }
            add("policy \(name)", "\(versions.count) versions, the newest is the default: \(newest == current)")
            add("policy \(name) document", SetupSnapshot.canonical(document))
        }

        mutating func addSecondary(_ account: Account, names: ProcedureNames) async throws {
            prefix = account.alias
            try await addPolicy(names.secondaryPolicy, in: account)
            let iam = try account.iam()
            add("role trust", SetupSnapshot.canonical(try await iam.getRole(name: names.role).trustPolicy))
            add("role policies", try await iam.listAttachedRolePolicies(roleName: names.role).map(\.arn).sorted())
            try await addTrail(names.secondaryTrail, in: account)
        }
    }
}
