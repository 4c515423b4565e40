import AWS
import Foundation

/// AWS Security Token Service: who am I, assume a role, get an MFA session.
public struct STS: Sendable {
    /// The API version of the query protocol.
    static let version = "2011-06-15"
    /// The underlying client.
    public let client: AWSClient

    /// Wraps a client for the `sts` service.
    public init(client: AWSClient) {
        self.client = client
    }

    /// `GetCallerIdentity`: the account, ARN and user id of the signing identity.
    /// - Throws: `AWSError`.
    public func getCallerIdentity() async throws(AWSError) -> CallerIdentity {
        let operation = "GetCallerIdentity"
        let result = try await client.query(action: operation, version: Self.version, isMutating: false)
        return CallerIdentity(
            account: try result.required("Account", service: .sts, operation: operation),
            arn: try result.required("Arn", service: .sts, operation: operation),
            userID: result.text(at: "UserId") ?? "")
    }

    /// `AssumeRole`: temporary credentials for `roleARN`.
    /// - Throws: `AWSError`.
    public func assumeRole(_ request: AssumeRoleRequest) async throws(AWSError) -> AssumedRole {
        let operation = "AssumeRole"
        var parameters = [("RoleArn", request.roleARN), ("RoleSessionName", request.sessionName)]
        if let externalID = request.externalID { parameters.append(("ExternalId", externalID)) }
        if let duration = request.durationSeconds { parameters.append(("DurationSeconds", String(duration))) }
        if let serial = request.mfaSerial { parameters.append(("SerialNumber", serial)) }
        if let code = request.mfaCode { parameters.append(("TokenCode", code)) }
        let result = try await client.query(
            action: operation, version: Self.version, parameters: parameters, isMutating: false)
        let credentials = try Self.credentials(
            in: result, operation: operation,
            source: .assumedRole(roleARN: request.roleARN, from: request.sourceDescription))
        let arn = try result.required("AssumedRoleUser", "Arn", service: .sts, operation: operation)
        return AssumedRole(credentials: credentials, assumedRoleARN: arn)
    }

    /// `GetSessionToken`: a session for the signing user, with an MFA code when given.
    /// - Throws: `AWSError`.
    public func getSessionToken(
        durationSeconds: Int? = nil, mfaSerial: String? = nil, mfaCode: String? = nil, sourceDescription: String
    ) async throws(AWSError) -> Credentials {
        let operation = "GetSessionToken"
        var parameters: [(String, String)] = []
        if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
        if let mfaSerial { parameters.append(("SerialNumber", mfaSerial)) }
        if let mfaCode { parameters.append(("TokenCode", mfaCode)) }
        let result = try await client.query(
            action: operation, version: Self.version, parameters: parameters, isMutating: false)
        return try Self.credentials(in: result, operation: operation, source: .mfaSession(from: sourceDescription))
    }

    private static func credentials(
        in result: XMLElementTree, operation: String, source: CredentialSource
    ) throws(AWSError) -> Credentials {
        let expiration = try result.required("Credentials", "Expiration", service: .sts, operation: operation)
        guard let date = ISO8601.parse(expiration) else {
            throw .malformedResponse(
                service: .sts, operation: operation, status: 200,
                reason: "Expiration '\(expiration)' is not a timestamp")
        }
        return Credentials(
            accessKeyID: try result.required("Credentials", "AccessKeyId", service: .sts, operation: operation),
            secretAccessKey: try result.required("Credentials", "SecretAccessKey", service: .sts, operation: operation),
            sessionToken: try result.required("Credentials", "SessionToken", service: .sts, operation: operation),
            expiration: date, source: source)
    }
}

/// The identity behind a set of credentials.
public struct CallerIdentity: Sendable, Equatable {
    /// The 12-digit account id.
    public var account: String
    /// The principal's ARN.
    public var arn: String
    /// The principal's unique id.
    public var userID: String

    /// Creates an identity.
    public init(account: String, arn: String, userID: String) {
        self.account = account
        self.arn = arn
        self.userID = userID
    }
}

/// The parameters of `AssumeRole`.
public struct AssumeRoleRequest: Sendable {
    /// The role to assume.
    public var roleARN: String
    /// The session name recorded in CloudTrail.
    public var sessionName: String
    /// The external id the role's trust policy may require.
    public var externalID: String?
    /// The session length; AWS caps chained sessions at one hour.
    public var durationSeconds: Int?
    /// An MFA device serial, when the trust policy requires MFA.
    public var mfaSerial: String?
    /// The MFA code; never logged.
    public var mfaCode: String?
    /// The identity assuming, for `CredentialSource` (an alias or a profile name).
    public var sourceDescription: String

    /// Creates a request.
    public init(
        roleARN: String, sessionName: String, externalID: String? = nil, durationSeconds: Int? = nil,
        mfaSerial: String? = nil, mfaCode: String? = nil, sourceDescription: String
    ) {
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.externalID = externalID
        self.durationSeconds = durationSeconds
        self.mfaSerial = mfaSerial
        self.mfaCode = mfaCode
        self.sourceDescription = sourceDescription
    }
}

/// The result of `AssumeRole`.
public struct AssumedRole: Sendable {
    /// The temporary credentials.
    public var credentials: Credentials
    /// `arn:aws:sts::ID:assumed-role/NAME/SESSION`.
    public var assumedRoleARN: String
}
