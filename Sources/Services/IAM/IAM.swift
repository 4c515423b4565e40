import AWS
import Foundation

/// AWS Identity and Access Management: users, access keys, managed policies, roles.
///
/// IAM is a query-protocol service; list operations are paginated with `Marker` and
/// `IsTruncated`, and policy documents come back URL-encoded.
public struct IAM: Sendable {
    /// The API version of the query protocol.
    static let version = "2010-05-08"
    /// The underlying client.
    public let client: AWSClient

    /// Wraps a client for the `iam` service.
    public init(client: AWSClient) {
        self.client = client
    }

    /// Calls `action` and returns its result element.
    func call(
        _ action: String, _ parameters: [(String, String)] = [], mutating: Bool
    ) async throws(AWSError) -> XMLElementTree {
        try await client.query(action: action, version: Self.version, parameters: parameters, isMutating: mutating)
    }

    /// Calls a paginated list action and gathers the `member` elements under `listElement`.
    func list(
        _ action: String, _ parameters: [(String, String)], listElement: String
    ) async throws(AWSError) -> [XMLElementTree] {
        var members: [XMLElementTree] = []
        var marker: String?
        repeat {
            let page = parameters + (marker.map { [("Marker", $0)] } ?? [])
            let result = try await call(action, page, mutating: false)
            members += result.child(listElement)?.children("member") ?? []
            marker = result.text(at: "IsTruncated") == "true" ? result.text(at: "Marker") : nil
        } while marker != nil
        return members
    }

    /// A missing element in `element`, reported as a malformed reply to `operation`.
    func require(_ element: XMLElementTree?, _ name: String, _ operation: String) throws(AWSError) -> String {
        guard let value = element?.text(at: name) else {
            throw .malformedResponse(
                service: .iam, operation: operation, status: 200, reason: "the reply lacks <\(name)>")
        }
        return value
    }

    /// Decodes a URL-encoded policy document as IAM returns it.
    static func decodeDocument(_ text: String) -> String {
        PercentDecoding.decode(text) ?? text
    }

    // MARK: Users and access keys

    /// `CreateUser`.
    /// - Throws: `AWSError` (`EntityAlreadyExists` when the user exists).
    public func createUser(name: String) async throws(AWSError) -> IAMUser {
        let result = try await call("CreateUser", [("UserName", name)], mutating: true)
        return try user(from: result.child("User"), "CreateUser")
    }

    /// `GetUser`: the named user, or the signing user when `name` is nil.
    /// - Throws: `AWSError` (`NoSuchEntity` when absent).
    public func getUser(name: String?) async throws(AWSError) -> IAMUser {
        let result = try await call("GetUser", name.map { [("UserName", $0)] } ?? [], mutating: false)
        return try user(from: result.child("User"), "GetUser")
    }

    private func user(from element: XMLElementTree?, _ operation: String) throws(AWSError) -> IAMUser {
        IAMUser(
            name: try require(element, "UserName", operation), arn: try require(element, "Arn", operation),
            id: element?.text(at: "UserId") ?? "")
    }

    /// `CreateAccessKey`: a new key whose secret is only in this reply.
    /// - Throws: `AWSError` (`LimitExceeded` when the user has two keys).
    public func createAccessKey(userName: String) async throws(AWSError) -> NewAccessKey {
        let operation = "CreateAccessKey"
        let key = try await call(operation, [("UserName", userName)], mutating: true).child("AccessKey")
        return NewAccessKey(
            accessKeyID: try require(key, "AccessKeyId", operation),
            secretAccessKey: try require(key, "SecretAccessKey", operation),
            userName: key?.text(at: "UserName") ?? userName)
    }

    /// `ListAccessKeys`.
    /// - Throws: `AWSError`.
    public func listAccessKeys(userName: String) async throws(AWSError) -> [AccessKeyMetadata] {
        let members = try await list("ListAccessKeys", [("UserName", userName)], listElement: "AccessKeyMetadata")
        var keys: [AccessKeyMetadata] = []
        for member in members {
            keys.append(
                AccessKeyMetadata(
                    accessKeyID: try require(member, "AccessKeyId", "ListAccessKeys"),
                    isActive: member.text(at: "Status") == "Active",
                    created: member.text(at: "CreateDate").flatMap(ISO8601.parse)))
        }
        return keys
    }

    /// `DeleteAccessKey`.
    /// - Throws: `AWSError`.
    public func deleteAccessKey(userName: String, accessKeyID: String) async throws(AWSError) {
        _ = try await call("DeleteAccessKey", [("UserName", userName), ("AccessKeyId", accessKeyID)], mutating: true)
    }

    /// `GetAccountSummary`: the account's IAM usage and quotas (e.g. `AttachedPoliciesPerUserQuota`).
    /// - Throws: `AWSError`.
    public func getAccountSummary() async throws(AWSError) -> [String: Int] {
        let result = try await call("GetAccountSummary", mutating: false)
        var summary: [String: Int] = [:]
        for entry in result.child("SummaryMap")?.children("entry") ?? [] {
            if let key = entry.text(at: "key"), let value = entry.text(at: "value").flatMap(Int.init) {
                summary[key] = value
            }
        }
        return summary
    }
}
