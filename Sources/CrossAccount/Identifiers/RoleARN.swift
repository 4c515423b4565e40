/// The ARN of an IAM role, `arn:partition:iam::account:role/path/name`.
public struct RoleARN: Sendable, Hashable, CustomStringConvertible {
    /// The partition the role lives in.
    public let partition: String
    /// The account that owns the role.
    public let account: AccountID
    /// The role's path, `/` when it has none, otherwise `/a/b/`.
    public let path: String
    /// The role's name, the last component of the resource.
    public let name: String

    /// Parses and checks a role ARN.
    /// - Throws: `IdentifierError` naming the field or rule broken.
    public init(_ text: String) throws(IdentifierError) {
        let arn = try ARN(text, kind: .roleARN)
        guard arn.service == "iam" else {
            throw .badARNField(.roleARN, value: text, field: "service", rule: "must be \"iam\", not \"\(arn.service)\"")
        }
        guard arn.region.isEmpty else {
            throw .badARNField(.roleARN, value: text, field: "region", rule: "must be empty for IAM")
        }
        guard let account = try? AccountID(arn.account) else {
            throw .badARNField(.roleARN, value: text, field: "account", rule: "must be a 12-digit account ID")
        }
        guard arn.resource.hasPrefix("role/") else {
            throw .badARNField(.roleARN, value: text, field: "resource", rule: "must start with \"role/\"")
        }
        let pathAndName = arn.resource.dropFirst("role".count)
        let nameStart = pathAndName.lastIndex(of: "/").map(pathAndName.index(after:)) ?? pathAndName.startIndex
        self.partition = arn.partition
        self.account = account
        self.path = String(pathAndName[..<nameStart])
        self.name = try IAMName.role(String(pathAndName[nameStart...]))
    }

    /// The ARN of role `name` (validated elsewhere) at the root path of `account`.
    public init(account: AccountID, roleName name: String, partition: String = "aws") {
        (self.partition, self.account, self.path, self.name) = (partition, account, "/", name)
    }

    public var description: String {
        "arn:\(partition):iam::\(account):role\(path)\(name)"
    }
}
