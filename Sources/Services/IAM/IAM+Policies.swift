import AWS
import Foundation

extension IAM {
    /// `CreatePolicy`.
    /// - Throws: `AWSError` (`EntityAlreadyExists`, `MalformedPolicyDocument`, `LimitExceeded`).
    public func createPolicy(name: String, document: String, description: String? = nil) async throws(AWSError)
        -> ManagedPolicy
    {
        var parameters = [("PolicyName", name), ("PolicyDocument", document)]
        if let description { parameters.append(("Description", description)) }
        let result = try await call("CreatePolicy", parameters, mutating: true)
        return try policy(from: result.child("Policy"), "CreatePolicy")
    }

    /// `GetPolicy`.
    /// - Throws: `AWSError` (`NoSuchEntity` when absent).
    public func getPolicy(arn: String) async throws(AWSError) -> ManagedPolicy {
        let result = try await call("GetPolicy", [("PolicyArn", arn)], mutating: false)
        return try policy(from: result.child("Policy"), "GetPolicy")
    }

    private func policy(from element: XMLElementTree?, _ operation: String) throws(AWSError) -> ManagedPolicy {
        ManagedPolicy(
            name: try require(element, "PolicyName", operation), arn: try require(element, "Arn", operation),
            defaultVersionID: element?.text(at: "DefaultVersionId") ?? "v1",
            attachmentCount: element?.text(at: "AttachmentCount").flatMap(Int.init) ?? 0)
    }

    /// `GetPolicyVersion`: one version with its decoded document.
    /// - Throws: `AWSError`.
    public func getPolicyVersion(arn: String, versionID: String) async throws(AWSError) -> PolicyVersion {
        let operation = "GetPolicyVersion"
        let version = try await call(operation, [("PolicyArn", arn), ("VersionId", versionID)], mutating: false)
            .child("PolicyVersion")
        return PolicyVersion(
            versionID: try require(version, "VersionId", operation),
            isDefault: version?.text(at: "IsDefaultVersion") == "true",
            created: version?.text(at: "CreateDate").flatMap(ISO8601.parse),
            document: IAM.decodeDocument(try require(version, "Document", operation)))
    }

    /// `CreatePolicyVersion`.
    /// - Throws: `AWSError` (`LimitExceeded` when five versions exist).
    public func createPolicyVersion(arn: String, document: String, setAsDefault: Bool) async throws(AWSError)
        -> PolicyVersion
    {
        let parameters = [("PolicyArn", arn), ("PolicyDocument", document), ("SetAsDefault", String(setAsDefault))]
        let version = try await call("CreatePolicyVersion", parameters, mutating: true).child("PolicyVersion")
        return PolicyVersion(
            versionID: try require(version, "VersionId", "CreatePolicyVersion"),
            isDefault: version?.text(at: "IsDefaultVersion") == "true",
            created: version?.text(at: "CreateDate").flatMap(ISO8601.parse), document: nil)
    }

    /// `ListPolicyVersions`.
    /// - Throws: `AWSError`.
    public func listPolicyVersions(arn: String) async throws(AWSError) -> [PolicyVersion] {
        var versions: [PolicyVersion] = []
        for member in try await list("ListPolicyVersions", [("PolicyArn", arn)], listElement: "Versions") {
            versions.append(
                PolicyVersion(
                    versionID: try require(member, "VersionId", "ListPolicyVersions"),
                    isDefault: member.text(at: "IsDefaultVersion") == "true",
                    created: member.text(at: "CreateDate").flatMap(ISO8601.parse), document: nil))
        }
        return versions
    }

    /// `DeletePolicyVersion`.
    /// - Throws: `AWSError`.
    public func deletePolicyVersion(arn: String, versionID: String) async throws(AWSError) {
        _ = try await call("DeletePolicyVersion", [("PolicyArn", arn), ("VersionId", versionID)], mutating: true)
    }

    /// `AttachUserPolicy`.
    /// - Throws: `AWSError`.
    public func attachUserPolicy(userName: String, policyARN: String) async throws(AWSError) {
        _ = try await call("AttachUserPolicy", [("UserName", userName), ("PolicyArn", policyARN)], mutating: true)
    }

    /// `AttachRolePolicy`.
    /// - Throws: `AWSError`.
    public func attachRolePolicy(roleName: String, policyARN: String) async throws(AWSError) {
        _ = try await call("AttachRolePolicy", [("RoleName", roleName), ("PolicyArn", policyARN)], mutating: true)
    }

    /// `ListAttachedUserPolicies`.
    /// - Throws: `AWSError`.
    public func listAttachedUserPolicies(userName: String) async throws(AWSError) -> [AttachedPolicy] {
        try attached(await list("ListAttachedUserPolicies", [("UserName", userName)], listElement: "AttachedPolicies"))
    }

    /// `ListAttachedRolePolicies`.
    /// - Throws: `AWSError`.
    public func listAttachedRolePolicies(roleName: String) async throws(AWSError) -> [AttachedPolicy] {
        try attached(await list("ListAttachedRolePolicies", [("RoleName", roleName)], listElement: "AttachedPolicies"))
    }

    private func attached(_ members: [XMLElementTree]) throws(AWSError) -> [AttachedPolicy] {
        var policies: [AttachedPolicy] = []
        for member in members {
            policies.append(
                AttachedPolicy(
                    name: try require(member, "PolicyName", "ListAttachedPolicies"),
                    arn: try require(member, "PolicyArn", "ListAttachedPolicies")))
        }
        return policies
    }

    /// `SimulatePrincipalPolicy`: whether `principalARN`'s policies allow each action on each resource.
    /// - Throws: `AWSError`.
    public func simulatePrincipalPolicy(
        principalARN: String, actions: [String], resources: [String]
    ) async throws(AWSError) -> [SimulationResult] {
        var parameters = [("PolicySourceArn", principalARN)]
        for (index, action) in actions.enumerated() { parameters.append(("ActionNames.member.\(index + 1)", action)) }
        for (index, resource) in resources.enumerated() {
            parameters.append(("ResourceArns.member.\(index + 1)", resource))
        }
        let members = try await list("SimulatePrincipalPolicy", parameters, listElement: "EvaluationResults")
        return members.map { member in
            SimulationResult(
                action: member.text(at: "EvalActionName") ?? "", resource: member.text(at: "EvalResourceName") ?? "*",
                decision: member.text(at: "EvalDecision") ?? "")
        }
    }
}
