import Foundation
import SigV4

/// AWS credentials with where they came from and when they expire.
///
/// Printing a value never shows the secret access key or the session token.
public struct Credentials: Sendable, Equatable {
    /// The access key id (not secret).
    public var accessKeyID: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token of temporary credentials.
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?
    /// Where they came from, for `account show` and messages.
    public var source: CredentialSource

    /// Creates credentials.
    public init(
        accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil,
        expiration: Date? = nil, source: CredentialSource
    ) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }

    /// The part the signer needs.
    public var signing: SigningCredentials {
        SigningCredentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken)
    }

    /// Every secret string these credentials hold, for redaction.
    public var secrets: [String] {
        [secretAccessKey] + (sessionToken.map { [$0] } ?? [])
    }

    /// Whether they are still usable `margin` from `now`.
    public func isValid(at now: Date, margin: TimeInterval = 0) -> Bool {
        guard let expiration else { return true }
        return expiration.timeIntervalSince(now) > margin
    }
}

extension Credentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        let expiry = expiration.map { " expiring \(ISO8601.format($0))" } ?? ""
        return "Credentials(\(accessKeyID), secret redacted, from \(source)\(expiry))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyID": accessKeyID, "source": source], displayStyle: .struct)
    }
}

/// Where a set of credentials came from.
public enum CredentialSource: Sendable, Equatable, CustomStringConvertible {
    /// `AWS_ACCESS_KEY_ID` and friends.
    case environment
    /// Keys stored in a profile of the shared files.
    case profile(String)
    /// A role assumed from another identity.
    case assumedRole(roleARN: String, from: String)
    /// A profile's `credential_process`.
    case process(profile: String)
    /// An IAM Identity Center (SSO) profile.
    case sso(profile: String)
    /// A session from `GetSessionToken` with an MFA code.
    case mfaSession(from: String)
    /// An access key typed at a prompt.
    case prompt

    public var description: String {
        switch self {
        case .environment: "environment"
        case .profile(let name): "profile \(name)"
        case .assumedRole(let role, let from): "role \(role) assumed from \(from)"
        case .process(let profile): "credential_process of profile \(profile)"
        case .sso(let profile): "IAM Identity Center profile \(profile)"
        case .mfaSession(let from): "MFA session from \(from)"
        case .prompt: "access key typed at the prompt"
        }
    }

    /// A short word for tables: `env`, `profile`, `role`, `process`, `sso`, `mfa`, `prompt`.
    public var kind: String {
        switch self {
        case .environment: "env"
        case .profile: "profile"
        case .assumedRole: "role"
        case .process: "process"
        case .sso: "sso"
        case .mfaSession: "mfa"
        case .prompt: "prompt"
        }
    }
}
