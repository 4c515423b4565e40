import AWS
import Foundation
import SigV4

/// IAM Identity Center's portal API: role credentials for a signed-in person.
///
/// The portal authenticates with the access token from `aws sso login`, sent in the
/// `x-amz-sso_bearer_token` header; its requests are not SigV4-signed (AWS SSO Portal API
/// Reference, "GetRoleCredentials").
public struct SSOPortal: Sendable {
    /// The underlying client, for the `sso` service.
    public let client: AWSClient

    /// Wraps a client for the `sso` service.
    public init(client: AWSClient) {
        self.client = client
    }

    /// `GetRoleCredentials`: short-term credentials for `roleName` in `accountID`.
    /// - Parameter profile: the profile asking, recorded as the credentials' source.
    /// - Throws: `AWSError`; a 401 means the token is no longer accepted.
    public func getRoleCredentials(
        roleName: String, accountID: String, accessToken: String, profile: String
    ) async throws(AWSError) -> Credentials {
        let operation = "GetRoleCredentials"
        let request = AWSRequest(
            operation: operation, isMutating: false, method: "GET", path: "/federation/credentials",
            query: [QueryItem(name: "account_id", value: accountID), QueryItem(name: "role_name", value: roleName)],
            headers: [Header(name: "x-amz-sso_bearer_token", value: accessToken)], isSigned: false)
        let response = try await client.send(request)
        let reply: Reply
        do {
            reply = try JSONDecoder().decode(Reply.self, from: Data(response.body))
        } catch let error as DecodingError {
            throw .malformedResponse(
                service: .sso, operation: operation, status: response.status, reason: JSONProtocol.describe(error))
        } catch {
            throw .malformedResponse(service: .sso, operation: operation, status: response.status, reason: "\(error)")
        }
        let role = reply.roleCredentials
        return Credentials(
            accessKeyID: role.accessKeyId, secretAccessKey: role.secretAccessKey, sessionToken: role.sessionToken,
            expiration: Date(timeIntervalSince1970: role.expiration / 1000), source: .sso(profile: profile))
    }

    /// The reply's shape; `expiration` is in milliseconds since 1970.
    private struct Reply: Decodable {
        struct RoleCredentials: Decodable {
            var accessKeyId: String
            var secretAccessKey: String
            var sessionToken: String
            var expiration: Double
        }
        var roleCredentials: RoleCredentials
    }
}
