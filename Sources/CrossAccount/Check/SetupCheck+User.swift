import AWS
import Services

extension SetupCheck {
    /// A managed policy read back: its name and its default version's document.
    struct ReadPolicy: Sendable {
        /// The policy name.
        var name: String
        /// The default version's document.
        var document: PolicyDocument
    }

    /// IAM's hard limit of managed policies attached to one user; s3x never splits into more.
    static let attachedPolicyHardLimit = 20

    /// Rows for the scanner's user: it exists with an active key, and the primary policies are
    /// attached and grant the scanner actions and `sts:AssumeRole` on each secondary's role.
    func checkUser(into findings: inout CheckFindings) async {
        let alias = primary.alias
        let user = names.user
        let userExists = await findings.check(alias, "user") { () async throws(CheckProblem) -> String in
            let iam = try await read { () throws(AWSError) in try primary.iam() }
            do throws(AWSError) {
                return try await iam.getUser(name: user).arn
            } catch  where error.code == "NoSuchEntity" {
                throw .notFound(kind: "user", name: user)
            } catch {
                throw .aws(error)
            }
        }
        let policies = await loadPrimaryPolicies()
        if userExists {
            var keys: [String] = []
            await findings.check(alias, "user: access key") { () async throws(CheckProblem) -> String in
                keys = try await activeKeys()
                return "active: \(keys.joined(separator: ", "))"
            }
            findings.fields += keys.map { Report.Field("access key id", $0) }
            await findings.check(alias, "user: policies attached") { () async throws(CheckProblem) -> String in
                try await requireAttached(policies.get().map(\.name))
            }
        } else {
            let reason = "not checked: the user \(user) does not exist"
            findings.skip(alias, "user: access key", because: reason)
            findings.skip(alias, "user: policies attached", because: reason)
        }
        await findings.check(alias, "user: scanner actions") { () throws(CheckProblem) -> String in
            try Self.requireScannerActions(in: policies.get())
        }
        for secondary in secondaries {
            await findings.check(alias, "user: AssumeRole \(secondary.label)") { () throws(CheckProblem) -> String in
                try requireGrant(for: secondary, in: policies.get())
            }
        }
    }

    /// The ids of the user's active access keys.
    /// - Throws: `CheckProblem.noActiveKey` or `.aws`.
    func activeKeys() async throws(CheckProblem) -> [String] {
        let iam = try await read { () throws(AWSError) in try primary.iam() }
        let keys = try await read { () async throws(AWSError) in try await iam.listAccessKeys(userName: names.user) }
        let active = keys.filter(\.isActive).map(\.accessKeyID)
        guard !active.isEmpty else {
            throw .noActiveKey(user: names.user, inactive: keys.map(\.accessKeyID))
        }
        return active
    }

    /// The primary policies `NAME`, `NAME-2`, ... that exist, read in order until one is missing.
    func loadPrimaryPolicies() async -> Result<[ReadPolicy], CheckProblem> {
        var found: [ReadPolicy] = []
        for index in 1...Self.attachedPolicyHardLimit {
            let name = index == 1 ? names.primaryPolicy : "\(names.primaryPolicy)-\(index)"
            do {
                guard let policy = try await readManagedPolicy(name, in: primary) else { break }
                found.append(policy)
            } catch {
                return .failure(error)
            }
        }
        return .success(found)
    }

    /// A managed policy of `account` and its default version, or nil when it does not exist.
    /// - Throws: `CheckProblem.aws` or `.unreadablePolicy`.
    func readManagedPolicy(_ name: String, in account: Account) async throws(CheckProblem) -> ReadPolicy? {
        let iam = try await read { () throws(AWSError) in try account.iam() }
        let arn = "arn:\(account.partition):iam::\(account.id):policy/\(name)"
        let policy: ManagedPolicy
        do {
            policy = try await iam.getPolicy(arn: arn)
        } catch  where error.code == "NoSuchEntity" {
            return nil
        } catch {
            throw .aws(error)
        }
        let version = try await read { () async throws(AWSError) in
            try await iam.getPolicyVersion(arn: arn, versionID: policy.defaultVersionID)
        }
        do {
            return ReadPolicy(name: name, document: try PolicyDocument(parsing: version.document ?? ""))
        } catch {
            throw .unreadablePolicy(name: name, error)
        }
    }

    /// Every existing primary policy is attached to the user, and there is at least one.
    /// - Throws: `CheckProblem.notFound`, `.notAttached` or `.aws`.
    func requireAttached(_ existing: [String]) async throws(CheckProblem) -> String {
        let iam = try await read { () throws(AWSError) in try primary.iam() }
        let attached = try await read { () async throws(AWSError) in
            try await iam.listAttachedUserPolicies(userName: names.user)
        }
        guard !existing.isEmpty else {
            throw .notFound(kind: "managed policy", name: names.primaryPolicy)
        }
        let wanted = existing
        let missing = wanted.filter { name in !attached.contains { $0.name == name } }
        guard missing.isEmpty else {
            throw .notAttached(policies: missing, principal: "user \(names.user)")
        }
        return wanted.joined(separator: ", ")
    }

    /// The policies together allow every scanner action on every resource.
    /// - Throws: `CheckProblem.actionsMissing`.
    static func requireScannerActions(in policies: [ReadPolicy]) throws(CheckProblem) -> String {
        let statements = policies.flatMap(\.document.statements).filter { $0.isAllow && $0.resources.contains("*") }
        let missing = ScannerPolicy.actions.filter { action in !statements.contains { $0.allows(action: action) } }
        guard missing.isEmpty else {
            throw .actionsMissing(missing)
        }
        return "all \(ScannerPolicy.actions.count) scanner actions allowed"
    }

    /// Some policy allows `sts:AssumeRole` on the role of `secondary`.
    /// - Throws: `CheckProblem.grantMissing`.
    func requireGrant(for secondary: Account, in policies: [ReadPolicy]) throws(CheckProblem) -> String {
        let role = RoleARN(account: secondary.id, roleName: names.role, partition: primary.partition)
        let granted = ScannerPolicy.grantedAccounts(in: policies.map(\.document), roleName: names.role)
        guard granted.contains(secondary.id) else {
            throw .grantMissing(role: role.description, policies: policies.map(\.name))
        }
        return "sts:AssumeRole on \(role)"
    }
}
