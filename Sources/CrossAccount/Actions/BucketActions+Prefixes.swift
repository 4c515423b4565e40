import AWS
import Services

/// The bucket policy's CloudTrail prefixes: admitting and removing accounts, and showing the policy.
extension BucketActions {
    /// Lets CloudTrail write the logs of each account into `bucket` (`AWSLogs/<id>/*`), keeping every
    /// other statement of the policy as it was.
    /// - Throws: `ActionError.policy` (`bucketPolicyTooLarge`) before anything is written, `ActionError.aws`.
    public static func allowPrefixes(bucket: String, accounts: [AccountID], context: ActionContext)
        async throws(ActionError) -> Report
    {
        try await edit(bucket: bucket, command: "bucket allow-prefix", context: context) {
            (editor, existing) throws(PolicyError) in
            try editor.grant(accounts, in: existing)
        }
    }

    /// Removes each account's log prefix from the CloudTrail statement of `bucket`'s policy, keeping
    /// everything else.
    /// - Throws: `ActionError.bucketPolicyWouldBeEmpty`, `ActionError.policy`, `ActionError.aws`.
    public static func revokePrefixes(bucket: String, accounts: [AccountID], context: ActionContext)
        async throws(ActionError) -> Report
    {
        try await edit(bucket: bucket, command: "bucket revoke-prefix", context: context) {
            (editor, existing) throws(PolicyError) in
            try editor.revoke(accounts, in: existing)
        }
    }

    /// The bucket's policy, pretty, as unchanged `diff` lines (two spaces, then the text).
    /// - Throws: `ActionError`.
    public static func showBucketPolicy(bucket: String, context: ActionContext) async throws(ActionError) -> Report {
        let command = "bucket policy"
        let name = try context.validate(command) { () throws(IdentifierError) in try BucketName(bucket) }
        let s3 = try context.client(command) { account throws(AWSError) in try account.s3() }
        var report = Report(command: command, account: context.account.alias, resource: bucket)
        guard let text = try await BucketPolicyIO.read(name, s3: s3, action: command, context: context) else {
            report.fields = [.init("policy", "none")]
            return report
        }
        do {
            let document = try PolicyDocument(parsing: text)
            report.fields = [
                .init("statements", String(document.statements.count)), .init("bytes", String(text.utf8.count)),
            ]
            report.diff = PolicyDiff.render(old: document, new: document)
        } catch {
            throw context.policyError(command, error)
        }
        return report
    }

    /// Read-modify-write of the bucket policy through `edit`.
    /// - Throws: `ActionError`.
    private static func edit(
        bucket: String, command: String, context: ActionContext,
        _ edit: (BucketPolicyEditor, String?) throws(PolicyError) -> BucketPolicyChange
    ) async throws(ActionError) -> Report {
        let name = try context.validate(command) { () throws(IdentifierError) in try BucketName(bucket) }
        let s3 = try context.client(command) { account throws(AWSError) in try account.s3() }
        let existing = try await BucketPolicyIO.read(name, s3: s3, action: command, context: context)
        let change: BucketPolicyChange
        do {
            change = try edit(BucketPolicyEditor(bucket: name, partition: context.account.partition), existing)
        } catch {
            throw context.policyError(command, error)
        }
        if !change.isUnchanged && change.isEmpty {
            throw .bucketPolicyWouldBeEmpty(bucket: bucket, account: context.account.label)
        }
        var report = Report(command: command, account: context.account.alias, resource: bucket, outcome: .unchanged)
        try await BucketPolicyIO.apply(change, existing: existing, to: name, s3: s3, report: &report, context: context)
        report.changes = sentences(for: change)
        return report
    }

    /// One sentence per kind of change, naming the accounts.
    private static func sentences(for change: BucketPolicyChange) -> [String] {
        let list = { (accounts: [AccountID]) in accounts.map(\.value).joined(separator: ", ") }
        var lines: [String] = []
        if !change.createdStatements.isEmpty {
            lines.append("added CloudTrail statements \(change.createdStatements.joined(separator: ", "))")
        }
        if !change.added.isEmpty { lines.append("admitted the logs of \(list(change.added))") }
        if !change.alreadyPresent.isEmpty { lines.append("already admitted: \(list(change.alreadyPresent))") }
        if !change.removed.isEmpty { lines.append("removed the logs prefix of \(list(change.removed))") }
        if !change.notPresent.isEmpty { lines.append("not admitted before: \(list(change.notPresent))") }
        return lines
    }
}
