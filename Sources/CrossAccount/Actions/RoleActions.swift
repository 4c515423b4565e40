import AWS
import Services

/// Ensure actions for the cross-account role in a secondary: its trust and its policy.
public enum RoleActions {
    /// Makes sure role `name` exists and trusts account `trusting` (`arn:<partition>:iam::<id>:root`),
    /// with managed policy `policy` attached when given, then reads both back (procedure step 4).
    ///
    /// An existing role whose trust does not admit the account gets one more statement; its other
    /// statements are kept. The role ARN is reported as a field.
    /// - Throws: `ActionError` (`.verificationFailed` when the read-back does not show the setup).
    public static func ensureRole(
        name: String, trusting primary: AccountID, attaching policy: String? = nil, context: ActionContext
    ) async throws(ActionError) -> Report {
        let command = "role create"
        _ = try context.validate(command) { () throws(IdentifierError) in try IAMName.role(name) }
        let iam = try context.client(command) { account throws(AWSError) in try account.iam() }
        let wanted = TrustPolicy.document(primaryAccount: primary, partition: context.account.partition)
        var report = Report(command: command, account: context.account.alias, resource: name, outcome: .unchanged)
        if let role = try await read(name, iam: iam, command: command, context: context) {
            report.fields = [.init("role arn", role.arn)]
            let trust = try document(role.trustPolicy, command, context)
            if !trust.trustAdmits(account: primary) {
                var updated = trust
                updated.statements += wanted.statements
                report.diff = PolicyDiff.render(old: trust, new: updated)
                report.changes.append("trust policy now admits \(primary)")
                try await context.send("iam:UpdateAssumeRolePolicy \(name)", &report) {
                    () async throws(AWSError) in
                    try await iam.updateAssumeRolePolicy(roleName: name, trustPolicy: updated.compactText)
                }
            }
        } else {
            report.outcome = context.isPlanning ? .wouldCreate : .created
            report.diff = PolicyDiff.render(old: nil, new: wanted)
            report.calls.append("iam:CreateRole \(name)")
            report.changes.append("created role \(name) trusted by \(primary)")
            if !context.isPlanning {
                let role = try await create(name, trust: wanted, iam: iam, command: command, context: context)
                report.fields = [.init("role arn", role.arn)]
            }
        }
        if let policy, report.outcome == .wouldCreate {
            // The role does not exist yet, so there is no attachment to list: the attach is planned.
            report.calls.append("iam:AttachRolePolicy \(policy)")
            report.changes.append("attached \(policy) to role \(name)")
        } else if let policy {
            // A role created just now has no policy attached: there is nothing to list.
            let attachment = try await PolicyActions.attach(
                policy, to: .role(name), attached: report.outcome == .created ? [] : nil, context: context)
            report.calls += attachment.calls
            report.changes += attachment.changes
            if report.outcome == .unchanged && attachment.outcome != .unchanged {
                report.outcome = context.isPlanning ? .wouldUpdate : .updated
            }
        }
        if !context.isPlanning {
            try await verify(name, trusting: primary, policy: policy, iam: iam, context: context)
        }
        return report
    }

    /// The role, or nil when it does not exist.
    /// - Throws: `ActionError.aws`.
    static func read(_ name: String, iam: IAM, command: String, context: ActionContext) async throws(ActionError)
        -> IAMRole?
    {
        try await context.call(command) { () async throws(AWSError) -> IAMRole? in
            do throws(AWSError) {
                return try await iam.getRole(name: name)
            } catch let error where error.code == "NoSuchEntity" {
                return nil
            }
        }
    }

    /// `CreateRole`; `EntityAlreadyExists` after a lost reply is read back. A principal IAM does not
    /// know yet (`MalformedPolicyDocument`, invalid principal) is retried within the propagation bounds.
    /// - Throws: `ActionError`.
    private static func create(
        _ name: String, trust: PolicyDocument, iam: IAM, command: String, context: ActionContext
    ) async throws(ActionError) -> IAMRole {
        let text = trust.compactText
        return try await context.callAfterPropagation(command) { () async throws(AWSError) -> IAMRole in
            do throws(AWSError) {
                return try await iam.createRole(name: name, trustPolicy: text)
            } catch let error where error.code == "EntityAlreadyExists" {
                return try await iam.getRole(name: name)
            }
        }
    }

    /// Reads the role and its attached policies back, both at once: its trust must admit `primary`,
    /// and `policy` must be attached.
    /// - Throws: `ActionError.verificationFailed` naming what is missing.
    private static func verify(
        _ name: String, trusting primary: AccountID, policy: String?, iam: IAM, context: ActionContext
    ) async throws(ActionError) {
        let command = "role create"
        let (found, attached) = try await context.concurrently(
            { () async throws(ActionError) in try await read(name, iam: iam, command: command, context: context) },
            { () async throws(ActionError) -> [String] in
                guard policy != nil else { return [] }
                return try await PolicyActions.attached(to: .role(name), iam: iam, command: command, context: context)
            })
        guard let role = found else {
            throw .verificationFailed(action: command, account: context.account.label, reason: "role \(name) is absent")
        }
        guard try document(role.trustPolicy, command, context).trustAdmits(account: primary) else {
            throw .verificationFailed(
                action: command, account: context.account.label,
                reason: "the trust policy of \(name) does not admit \(primary) (a Deny statement may name it)")
        }
        guard let policy else { return }
        let policyARN = PolicyActions.arn(policy, in: context.account)
        guard attached.contains(policyARN) else {
            throw .verificationFailed(
                action: command, account: context.account.label, reason: "\(policyARN) is not attached to \(name)")
        }
    }

    /// Parses a trust policy as IAM returned it.
    /// - Throws: `ActionError.policy`.
    static func document(_ text: String, _ command: String, _ context: ActionContext) throws(ActionError)
        -> PolicyDocument
    {
        do {
            return try PolicyDocument(parsing: text)
        } catch {
            throw context.policyError(command, error)
        }
    }

    /// The role's ARN, trusted accounts and attached policies, with its trust policy as `diff` lines.
    /// - Throws: `ActionError`; a missing role is `NoSuchEntity` with a hint.
    public static func showRole(name: String, context: ActionContext) async throws(ActionError) -> Report {
        let command = "role show"
        let iam = try context.client(command) { account throws(AWSError) in try account.iam() }
        let role = try await context.call(
            command, hint: { $0.code == "NoSuchEntity" ? "run: role create \(name)" : nil }
        ) {
            () async throws(AWSError) in try await iam.getRole(name: name)
        }
        let trust = try document(role.trustPolicy, command, context)
        let principals = trust.statements.filter(\.isAllow).flatMap { $0.principal?.values(of: "AWS") ?? [] }
        let attached = try await PolicyActions.attached(to: .role(name), iam: iam, command: command, context: context)
        var fields: [Report.Field] = [.init("role arn", role.arn)]
        fields += principals.map { .init("trusted", $0) }
        fields += attached.map { .init("policy", $0) }
        return Report(
            command: command, account: context.account.alias, resource: name, fields: fields,
            diff: PolicyDiff.render(old: trust, new: trust))
    }
}
