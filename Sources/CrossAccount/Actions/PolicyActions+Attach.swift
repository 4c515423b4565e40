import AWS
import Locking
import Services

/// Attaching managed policies to the scanner's user and to roles, and the primary's policy set.
extension PolicyActions {
    /// Where a policy is attached.
    enum Holder {
        case user(String)
        case role(String)

        var description: String {
            switch self {
            case .user(let name): "user \(name)"
            case .role(let name): "role \(name)"
            }
        }
    }

    /// Attaches policy `name` (or ARN) to IAM user `toUser` unless it already is.
    /// - Throws: `ActionError`.
    public static func attachPolicy(name: String, toUser user: String, context: ActionContext)
        async throws(ActionError) -> Report
    {
        try await attach(name, to: .user(user), context: context)
    }

    /// Attaches policy `name` (or ARN) to role `toRole` unless it already is.
    /// - Throws: `ActionError`.
    public static func attachPolicy(name: String, toRole role: String, context: ActionContext)
        async throws(ActionError) -> Report
    {
        try await attach(name, to: .role(role), context: context)
    }

    /// The ARNs of the managed policies attached to `holder`.
    /// - Throws: `ActionError`.
    static func attached(to holder: Holder, iam: IAM, command: String, context: ActionContext)
        async throws(ActionError) -> [String]
    {
        let hint = { (error: AWSError) -> String? in
            guard error.code == "NoSuchEntity" else { return nil }
            return switch holder {
            case .user(let name): "run: user create \(name)"
            case .role(let name): "run: role create \(name)"
            }
        }
        return try await context.call(command, hint: hint) { () async throws(AWSError) in
            do throws(AWSError) {
                switch holder {
                case .user(let name): return try await iam.listAttachedUserPolicies(userName: name).map(\.arn)
                case .role(let name): return try await iam.listAttachedRolePolicies(roleName: name).map(\.arn)
                }
            } catch let error where context.isPlanning && error.code == "NoSuchEntity" {
                // A dry run plans against the holder an earlier command would have created: nothing attached.
                return []
            }
        }
    }

    /// Lists the holder's policies first (unless the caller knows them: `attached`) and attaches only
    /// when missing; a fresh policy or holder may not be visible yet, so `NoSuchEntity` is retried
    /// within the propagation bounds.
    /// - Throws: `ActionError`.
    static func attach(
        _ nameOrARN: String, to holder: Holder, attached known: [String]? = nil, context: ActionContext
    ) async throws(ActionError) -> Report {
        let command = "policy attach"
        let iam = try context.client(command) { account throws(AWSError) in try account.iam() }
        let policyARN = arn(nameOrARN, in: context.account)
        var report = Report(command: command, account: context.account.alias, resource: policyARN)
        report.fields = [.init("policy arn", policyARN), .init("attached to", holder.description)]
        let current: [String]
        if let known {
            current = known
        } else {
            current = try await attached(to: holder, iam: iam, command: command, context: context)
        }
        if current.contains(policyARN) {
            report.outcome = .unchanged
            return report
        }
        let operation = if case .user = holder { "iam:AttachUserPolicy" } else { "iam:AttachRolePolicy" }
        report.calls = ["\(operation) \(nameOrARN)"]
        report.changes = ["attached \(nameOrARN) to \(holder.description)"]
        guard !context.isPlanning else {
            report.outcome = .wouldCreate
            return report
        }
        try await context.callAfterPropagation(command) { () async throws(AWSError) in
            switch holder {
            case .user(let name): try await iam.attachUserPolicy(userName: name, policyARN: policyARN)
            case .role(let name): try await iam.attachRolePolicy(roleName: name, policyARN: policyARN)
            }
        }
        report.outcome = .created
        return report
    }

    /// Makes sure the primary's managed policies (the scanner's actions and an AssumeRole grant for
    /// every secondary's role, split to fit IAM's size limit) exist and are attached to the user.
    ///
    /// Before writing anything it checks that the user's attached-policy quota
    /// (`AttachedPoliciesPerUserQuota`, 10 by default) can hold the policies not yet attached.
    /// - Returns: one report per managed policy, its attachment included.
    /// - Throws: `ActionError.attachedPolicyQuota` before any write, or any other `ActionError`.
    public static func ensurePrimaryPolicies(names: ProcedureNames, secondaryIDs: [AccountID], context: ActionContext)
        async throws(ActionError) -> [Report]
    {
        let command = "policy primary"
        let iam = try context.client(command) { account throws(AWSError) in try account.iam() }
        let policies = ScannerPolicy.primaryPolicies(
            baseName: names.primaryPolicy, secondaryIDs: secondaryIDs, roleName: names.role,
            partition: context.account.partition)
        let user = names.user
        let (attached, summary) = try await context.concurrently(
            { () async throws(ActionError) in
                try await Self.attached(to: .user(user), iam: iam, command: command, context: context)
            },
            { () async throws(ActionError) in
                try await context.call(command) { () async throws(AWSError) in try await iam.getAccountSummary() }
            })
        let missing = policies.map(\.name).filter { !attached.contains(arn($0, in: context.account)) }
        let quota = summary["AttachedPoliciesPerUserQuota"] ?? ScannerPolicy.defaultAttachedPolicyLimit
        guard attached.count + missing.count <= quota else {
            throw .attachedPolicyQuota(
                user: names.user, account: context.account.label, attached: attached.count, missing: missing,
                quota: quota)
        }
        // The numbered policies are independent of one another: they are ensured at once.
        let outcomes = await policies.concurrentMap(limit: policies.count) { policy in
            await Self.ensurePrimaryPolicy(
                policy, attach: missing.contains(policy.name), to: user, attached: attached, command: command,
                context: context)
        }
        var reports: [Report] = []
        for outcome in outcomes {
            reports.append(try outcome.get())
        }
        return reports
    }

    /// One of the primary's policies, and its attachment to `user` when `attach`; the failure as a value.
    private static func ensurePrimaryPolicy(
        _ policy: NamedPolicy, attach shouldAttach: Bool, to user: String, attached: [String], command: String,
        context: ActionContext
    ) async -> Result<Report, ActionError> {
        do throws(ActionError) {
            var report = try await ensureManagedPolicy(name: policy.name, document: policy.document, context: context)
            report.command = command
            report.fields.append(.init("grants", policy.grantedAccounts.map(\.value).joined(separator: " ")))
            if shouldAttach {
                let attachment = try await attach(policy.name, to: .user(user), attached: attached, context: context)
                report.calls += attachment.calls
                report.changes += attachment.changes
                if report.outcome == .unchanged { report.outcome = context.isPlanning ? .wouldUpdate : .updated }
            }
            return .success(report)
        } catch {
            return .failure(error)
        }
    }
}
