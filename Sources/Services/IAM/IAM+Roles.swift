import AWS

extension IAM {
    /// `CreateRole` with a trust policy.
    /// - Throws: `AWSError` (`EntityAlreadyExists`, `MalformedPolicyDocument`).
    public func createRole(name: String, trustPolicy: String, description: String? = nil) async throws(AWSError)
        -> IAMRole
    {
        var parameters = [("RoleName", name), ("AssumeRolePolicyDocument", trustPolicy)]
        if let description { parameters.append(("Description", description)) }
        let result = try await call("CreateRole", parameters, mutating: true)
        return try role(from: result.child("Role"), "CreateRole")
    }

    /// `GetRole`.
    /// - Throws: `AWSError` (`NoSuchEntity` when absent).
    public func getRole(name: String) async throws(AWSError) -> IAMRole {
        let result = try await call("GetRole", [("RoleName", name)], mutating: false)
        return try role(from: result.child("Role"), "GetRole")
    }

    /// `UpdateAssumeRolePolicy`: replaces the role's trust policy.
    /// - Throws: `AWSError`.
    public func updateAssumeRolePolicy(roleName: String, trustPolicy: String) async throws(AWSError) {
        _ = try await call(
            "UpdateAssumeRolePolicy", [("RoleName", roleName), ("PolicyDocument", trustPolicy)], mutating: true)
    }

    private func role(from element: XMLElementTree?, _ operation: String) throws(AWSError) -> IAMRole {
        IAMRole(
            name: try require(element, "RoleName", operation), arn: try require(element, "Arn", operation),
            trustPolicy: IAM.decodeDocument(element?.text(at: "AssumeRolePolicyDocument") ?? ""),
            maxSessionDuration: element?.text(at: "MaxSessionDuration").flatMap(Int.init))
    }
}
