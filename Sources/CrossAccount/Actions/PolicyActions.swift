import AWS
import Foundation
import Services

/// Ensure actions for customer managed policies: their documents, versions and attachments.
public enum PolicyActions {
    /// `arn:<partition>:iam::<account>:policy/<name>`, or `nameOrARN` itself when it is an ARN.
    static func arn(_ nameOrARN: String, in account: Account) -> String {
        nameOrARN.hasPrefix("arn:") ? nameOrARN : "arn:\(account.partition):iam::\(account.id):policy/\(nameOrARN)"
    }

    /// Makes sure managed policy `name` exists with `document` as its default version.
    ///
    /// The default version is compared semantically; when it differs a new default version is
    /// created, after deleting the oldest non-default one if IAM's five are taken. A create whose
    /// reply was lost converges: `EntityAlreadyExists` is read back, a failed `CreatePolicyVersion`
    /// is checked against the default version before anything else is created, and a version left by an
    /// attempt whose reply was lost is deleted.
    /// - Throws: `ActionError`.
    public static func ensureManagedPolicy(name: String, document: PolicyDocument, context: ActionContext)
        async throws(ActionError) -> Report
    {
        let command = "policy create"
        _ = try context.validate(command) { () throws(IdentifierError) in try IAMName.policy(name) }
        let iam = try context.client(command) { account throws(AWSError) in try account.iam() }
        let policyARN = arn(name, in: context.account)
        var report = Report(command: command, account: context.account.alias, resource: name)
        report.fields = [.init("policy arn", policyARN)]
        guard let current = try await defaultDocument(policyARN, iam: iam, command: command, context: context) else {
            report.diff = PolicyDiff.render(old: nil, new: document)
            report.calls = ["iam:CreatePolicy \(name)"]
            report.changes = ["created managed policy \(name)"]
            report.outcome = context.isPlanning ? .wouldCreate : .created
            if !context.isPlanning {
                try await create(name, document, iam: iam, command: command, context: context)
            }
            return report
        }
        guard current.document != document else {
            report.outcome = .unchanged
            report.fields.append(.init("default version", current.versionID))
            return report
        }
        report.diff = PolicyDiff.render(old: current.document, new: document)
        report.outcome = context.isPlanning ? .wouldUpdate : .updated
        let versions = try await context.call(command) { () async throws(AWSError) in
            try await iam.listPolicyVersions(arn: policyARN)
        }
        let prune = ManagedPolicyVersions.versionToPrune(
            versions: versions.map { ($0.versionID, $0.isDefault, $0.created ?? .distantPast) })
        if let prune {
            report.calls.append("iam:DeletePolicyVersion \(name) \(prune)")
            report.changes.append("deleted version \(prune), the oldest non-default of five")
        }
        report.calls.append("iam:CreatePolicyVersion \(name)")
        report.changes.append("new default version of \(name)")
        guard !context.isPlanning else { return report }
        if let prune {
            try await deleteVersion(policyARN, prune, iam: iam, command: command, context: context)
        }
        try await createVersion(policyARN, document, iam: iam, command: command, context: context)
        let orphans = try await removeOrphanVersions(
            policyARN, before: Set(versions.map(\.versionID)), iam: iam, command: command, context: context)
        if !orphans.isEmpty {
            let list = orphans.joined(separator: ", ")
            report.changes.append("deleted \(list), created by an attempt whose reply was lost")
        }
        return report
    }

    /// `DeletePolicyVersion`; `NoSuchEntity` means the version is gone already (a retry after a lost reply).
    /// - Throws: `ActionError.aws`.
    private static func deleteVersion(
        _ policyARN: String, _ versionID: String, iam: IAM, command: String, context: ActionContext
    ) async throws(ActionError) {
        try await context.call(command) { () async throws(AWSError) in
            do throws(AWSError) {
                try await iam.deletePolicyVersion(arn: policyARN, versionID: versionID)
            } catch let error where error.code == "NoSuchEntity" {
                return
            }
        }
    }

    /// Deletes the non-default versions that appeared since `before` was listed: a `CreatePolicyVersion`
    /// whose reply was lost made one, and its retry made the default, so the first is an extra copy.
    /// - Returns: the ids deleted.
    /// - Throws: `ActionError.aws`.
    private static func removeOrphanVersions(
        _ policyARN: String, before: Set<String>, iam: IAM, command: String, context: ActionContext
    ) async throws(ActionError) -> [String] {
        let after = try await context.call(command) { () async throws(AWSError) in
            try await iam.listPolicyVersions(arn: policyARN)
        }
        let orphans = after.filter { !before.contains($0.versionID) && !$0.isDefault }.map(\.versionID)
        for orphan in orphans {
            try await deleteVersion(policyARN, orphan, iam: iam, command: command, context: context)
        }
        return orphans
    }

    /// The default version's id and document, or nil when the policy does not exist.
    /// - Throws: `ActionError` (`.policy` when IAM's document cannot be read).
    static func defaultDocument(_ policyARN: String, iam: IAM, command: String, context: ActionContext)
        async throws(ActionError) -> (versionID: String, document: PolicyDocument)?
    {
        let version = try await context.call(command) { () async throws(AWSError) -> PolicyVersion? in
            do throws(AWSError) {
                let policy = try await iam.getPolicy(arn: policyARN)
                return try await iam.getPolicyVersion(arn: policyARN, versionID: policy.defaultVersionID)
            } catch let error where error.code == "NoSuchEntity" {
                return nil
            }
        }
        guard let version else { return nil }
        do {
            return (version.versionID, try PolicyDocument(parsing: version.document ?? ""))
        } catch {
            throw context.policyError(command, error)
        }
    }

    /// `CreatePolicy`; `EntityAlreadyExists` (a retry after a lost reply) is accepted when the
    /// existing default version is the document asked for.
    /// - Throws: `ActionError`.
    private static func create(
        _ name: String, _ document: PolicyDocument, iam: IAM, command: String, context: ActionContext
    ) async throws(ActionError) {
        let text = document.compactText
        do {
            _ = try await iam.createPolicy(name: name, document: text)
        } catch let error where error.code == "EntityAlreadyExists" {
            let policyARN = arn(name, in: context.account)
            let current = try await defaultDocument(policyARN, iam: iam, command: command, context: context)
            guard current?.document == document else {
                throw .aws(
                    action: command, account: context.account.label, error: error,
                    hint: "policy \(name) was created meanwhile with another document: rerun the command")
            }
        } catch {
            throw .aws(action: command, account: context.account.label, error: error, hint: context.generalHint(error))
        }
    }

    /// `CreatePolicyVersion` as default; after a failure the default version is read back, so a version
    /// the lost reply already created is not created twice.
    /// - Throws: `ActionError`.
    private static func createVersion(
        _ policyARN: String, _ document: PolicyDocument, iam: IAM, command: String, context: ActionContext
    ) async throws(ActionError) {
        do {
            _ = try await iam.createPolicyVersion(arn: policyARN, document: document.compactText, setAsDefault: true)
        } catch {
            let current = try? await defaultDocument(policyARN, iam: iam, command: command, context: context)
            if current?.document == document { return }
            let hint = error.code == "LimitExceeded" ? "the policy has five versions: rerun to prune one" : nil
            throw .aws(
                action: command, account: context.account.label, error: error,
                hint: hint ?? context.generalHint(error))
        }
    }

    /// The policy's default version, pretty, as unchanged `diff` lines, with its ARN and version.
    /// - Throws: `ActionError`; a missing policy is `NoSuchEntity` with a hint.
    public static func showPolicy(nameOrARN: String, context: ActionContext) async throws(ActionError) -> Report {
        let command = "policy show"
        let iam = try context.client(command) { account throws(AWSError) in try account.iam() }
        let policyARN = arn(nameOrARN, in: context.account)
        let found = try await defaultDocument(policyARN, iam: iam, command: command, context: context)
        guard let found else {
            throw .aws(
                action: command, account: context.account.label,
                error: .service(
                    ServiceError(
                        service: .iam, operation: "GetPolicy", status: 404, code: "NoSuchEntity",
                        message: "Policy \(policyARN) was not found.")),
                hint: "run: policy create \(nameOrARN)")
        }
        return Report(
            command: command, account: context.account.alias, resource: policyARN,
            fields: [.init("policy arn", policyARN), .init("default version", found.versionID)],
            diff: PolicyDiff.render(old: found.document, new: found.document))
    }
}
