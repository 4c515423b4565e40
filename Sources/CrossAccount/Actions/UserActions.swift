import AWS
import Services

/// Ensure actions for the scanner's IAM user and its access key.
public enum UserActions {
    /// Makes sure IAM user `name` exists; an `EntityAlreadyExists` answer after a lost reply is read
    /// back and counted as created.
    /// - Throws: `ActionError`.
    public static func ensureUser(name: String, context: ActionContext) async throws(ActionError) -> Report {
        let command = "user create"
        _ = try context.validate(command) { () throws(IdentifierError) in try IAMName.user(name) }
        let iam = try context.client(command) { account throws(AWSError) in try account.iam() }
        var report = Report(command: command, account: context.account.alias, resource: name)
        let existing = try await context.call(command) { () async throws(AWSError) -> IAMUser? in
            do throws(AWSError) {
                return try await iam.getUser(name: name)
            } catch let error where error.code == "NoSuchEntity" {
                return nil
            }
        }
        if let existing {
            report.outcome = .unchanged
            report.fields = [.init("user arn", existing.arn)]
            return report
        }
        report.calls = ["iam:CreateUser \(name)"]
        report.changes = ["created user \(name)"]
        guard !context.isPlanning else {
            report.outcome = .wouldCreate
            return report
        }
        let user = try await context.call(command) { () async throws(AWSError) -> IAMUser in
            do throws(AWSError) {
                return try await iam.createUser(name: name)
            } catch let error where error.code == "EntityAlreadyExists" {
                return try await iam.getUser(name: name)
            }
        }
        report.outcome = .created
        report.fields = [.init("user arn", user.arn)]
        return report
    }

    /// Makes sure `user` has an active access key, creating one only when it has none.
    ///
    /// A new key's secret goes in `Report.secrets`, to be shown once and never recorded. When a key
    /// exists the report names its id: its secret cannot be shown again. A lost reply is handled by
    /// `AccessKeyProvisioner`, which leaves exactly one new key whose secret was received.
    /// - Throws: `ActionError` (with a hint when the user already has two keys, all inactive).
    public static func ensureAccessKey(
        user: String, context: ActionContext, store: (any AccessKeyStore)? = nil
    ) async throws(ActionError) -> Report {
        let command = "user access-key"
        let iam = try context.client(command) { account throws(AWSError) in try account.iam() }
        let keys = store ?? iam
        var report = Report(command: command, account: context.account.alias, resource: user)
        let hint = { (error: AWSError) -> String? in
            switch error.code {
            case "NoSuchEntity": "run: user create \(user)"
            case "LimitExceeded": "\(user) already has two access keys, none active: delete one first"
            default: nil
            }
        }
        let listed = try await context.call(command, hint: hint) { () async throws(AWSError) in
            do throws(AWSError) {
                return try await keys.listAccessKeys(userName: user)
            } catch let error where context.isPlanning && error.code == "NoSuchEntity" {
                // A dry run plans against the user `user create` would have created: it has no key.
                return []
            }
        }
        if let active = listed.first(where: \.isActive) {
            report.outcome = .unchanged
            report.fields = [.init("access key id", active.accessKeyID)]
            report.changes = ["\(user) already has an active access key; its secret cannot be shown again"]
            return report
        }
        report.calls = ["iam:CreateAccessKey \(user)"]
        guard !context.isPlanning else {
            report.outcome = .wouldCreate
            return report
        }
        let provisioner = AccessKeyProvisioner(store: keys)
        let result = try await context.call(command, hint: hint) { () async throws(AWSError) in
            try await provisioner.provision(user: user, existing: listed.map(\.accessKeyID))
        }
        report.outcome = .created
        report.fields = [.init("access key id", result.key.accessKeyID)]
        report.secrets = [.init("secret access key", result.key.secretAccessKey)]
        report.changes = ["created access key \(result.key.accessKeyID) for \(user)"]
        if !result.deletedOrphans.isEmpty {
            report.changes.append(
                "deleted keys whose secret never arrived: \(result.deletedOrphans.joined(separator: ", "))")
        }
        return report
    }
}
