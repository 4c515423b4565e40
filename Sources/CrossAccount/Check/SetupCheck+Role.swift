import AWS
import Services

extension SetupCheck {
    /// Rows for a secondary's policy and role: the policy holds exactly the scanner statement,
    /// the role exists (its ARN is shown), trusts the primary account and has the policy attached.
    func checkRole(in account: Account, into findings: inout CheckFindings) async {
        let alias = account.alias
        await findings.check(alias, "policy") { () async throws(CheckProblem) -> String in
            try await requireSecondaryPolicy(in: account)
        }
        var role: IAMRole?
        await findings.check(alias, "role") { () async throws(CheckProblem) -> String in
            let iam = try await read { () throws(AWSError) in try account.iam() }
            do throws(AWSError) {
                role = try await iam.getRole(name: names.role)
            } catch  where error.code == "NoSuchEntity" {
                throw .notFound(kind: "role", name: names.role)
            } catch {
                throw .aws(error)
            }
            return role?.arn ?? names.role
        }
        guard let role else {
            let reason = "not checked: the role \(names.role) is not readable"
            findings.skip(alias, "role: trust", because: reason)
            findings.skip(alias, "role: policy attached", because: reason)
            return
        }
        findings.fields.append(Report.Field("role arn \(alias)", role.arn))
        await findings.check(alias, "role: trust") { () throws(CheckProblem) -> String in
            let trust: PolicyDocument
            do throws(PolicyError) {
                trust = try PolicyDocument(parsing: role.trustPolicy)
            } catch {
                throw .unreadablePolicy(name: "trust policy of \(role.name)", error)
            }
            guard trust.trustAdmits(account: primary.id) else {
                throw .trustMissing(role: role.arn, account: primary.id)
            }
            return "trusts \(primary.label)"
        }
        await findings.check(alias, "role: policy attached") { () async throws(CheckProblem) -> String in
            let iam = try await read { () throws(AWSError) in try account.iam() }
            let attached = try await read { () async throws(AWSError) in
                try await iam.listAttachedRolePolicies(roleName: role.name)
            }
            guard attached.contains(where: { $0.name == names.secondaryPolicy }) else {
                throw .notAttached(policies: [names.secondaryPolicy], principal: "role \(role.name)")
            }
            return names.secondaryPolicy
        }
    }

    /// The secondary policy exists and its default version holds exactly the scanner statement.
    /// - Throws: `CheckProblem.notFound`, `.unexpectedStatements`, `.unreadablePolicy` or `.aws`.
    func requireSecondaryPolicy(in account: Account) async throws(CheckProblem) -> String {
        guard let policy = try await readManagedPolicy(names.secondaryPolicy, in: account) else {
            throw .notFound(kind: "managed policy", name: names.secondaryPolicy)
        }
        let statements = policy.document.statements
        guard statements.count == 1, let only = statements.first, Self.isScannerStatement(only) else {
            throw .unexpectedStatements(policy: policy.name, found: policy.document.compactText)
        }
        return "\(policy.name) holds the scanner statement (\(ScannerPolicy.actions.count) actions)"
    }

    /// Whether a statement allows exactly the scanner actions on every resource, without conditions.
    static func isScannerStatement(_ statement: PolicyStatement) -> Bool {
        statement.isAllow && Set(statement.actions) == Set(ScannerPolicy.actions) && statement.resources == ["*"]
            && statement.condition == nil && statement.principal == nil
            && statement.fields["NotAction"] == nil && statement.fields["NotResource"] == nil
    }
}
