import Foundation

/// Something that hands out credentials, refreshing them when they near expiry.
public protocol CredentialProvider: Sendable {
    /// Credentials usable now.
    /// - Throws: `CredentialError` when none can be had.
    func credentials() async throws -> Credentials

    /// Drops cached credentials so the next call fetches anew (after the service said they expired).
    func invalidate() async

    /// When the credentials in hand expire, without fetching any (for `account list`, which must
    /// not run a process or ask for an MFA code); nil for long-term keys.
    func cachedExpiration() async -> Date?
}

extension CredentialProvider {
    public func invalidate() async {}

    public func cachedExpiration() async -> Date? { nil }
}

/// A provider that always returns the same credentials.
public struct StaticCredentialProvider: CredentialProvider {
    /// The credentials returned.
    public let value: Credentials

    /// Wraps `value`.
    public init(_ value: Credentials) {
        self.value = value
    }

    public func credentials() async throws -> Credentials {
        value
    }

    public func cachedExpiration() async -> Date? {
        value.expiration
    }
}

/// Reads `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
public struct EnvironmentCredentialProvider: CredentialProvider {
    private let environment: Environment

    /// Reads from `environment`.
    public init(environment: Environment) {
        self.environment = environment
    }

    /// Whether the environment holds an access key at all.
    public var isConfigured: Bool {
        environment["AWS_ACCESS_KEY_ID"] != nil
    }

    public func credentials() async throws -> Credentials {
        guard let keyID = environment["AWS_ACCESS_KEY_ID"] else { throw CredentialError.notInEnvironment }
        guard let secret = environment["AWS_SECRET_ACCESS_KEY"] else {
            throw CredentialError.incomplete(source: "environment", missing: "AWS_SECRET_ACCESS_KEY")
        }
        let expiration = environment["AWS_CREDENTIAL_EXPIRATION"].flatMap(ISO8601.parse)
        return Credentials(
            accessKeyID: keyID, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"],
            expiration: expiration, source: .environment)
    }

    public func cachedExpiration() async -> Date? {
        environment["AWS_CREDENTIAL_EXPIRATION"].flatMap(ISO8601.parse)
    }
}

/// Why credentials could not be had.
public enum CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No access key in the environment.
    case notInEnvironment
    /// No credentials anywhere in the chain.
    case noneFound(searched: [String])
    /// A source that lacks a required setting.
    case incomplete(source: String, missing: String)
    /// A named profile absent from both files.
    case profileNotFound(String, files: [String])
    /// Profiles whose `source_profile` settings form a loop.
    case sourceProfileCycle([String])
    /// A profile whose kind s3x cannot use.
    case unsupportedProfile(String, reason: String)
    /// `credential_process` failed or printed something unusable.
    case processFailed(profile: String, reason: String)
    /// Credentials that expired and cannot be refreshed by s3x.
    case expired(source: String, remedy: String)
    /// An IAM Identity Center token that is missing or expired.
    case ssoLoginRequired(profile: String, command: String)
    /// An IAM Identity Center token cache file that holds no usable token.
    case ssoTokenUnreadable(profile: String, file: String, command: String)
    /// The shared files could not be read.
    case config(SharedConfigError)

    public var description: String {
        switch self {
        case .notInEnvironment:
            "AWS_ACCESS_KEY_ID is not set"
        case .noneFound(let searched):
            "no AWS credentials found (looked in: \(searched.joined(separator: ", ")))"
        case .incomplete(let source, let missing):
            "the credentials from \(source) lack \(missing)"
        case .profileNotFound(let name, let files):
            "profile '\(name)' is not in \(files.joined(separator: " or "))"
        case .sourceProfileCycle(let chain):
            "profiles refer to each other in a loop: \(chain.joined(separator: " -> "))"
        case .unsupportedProfile(let name, let reason):
            "profile '\(name)' cannot be used: \(reason)"
        case .processFailed(let profile, let reason):
            "credential_process of profile '\(profile)' failed: \(reason)"
        case .expired(let source, let remedy):
            "the credentials from \(source) have expired; \(remedy)"
        case .ssoLoginRequired(let profile, let command):
            "the IAM Identity Center sign-in for profile '\(profile)' is missing or expired; run: \(command)"
        case .ssoTokenUnreadable(let profile, let file, let command):
            "the IAM Identity Center token of profile '\(profile)' in \(file) is not a token "
                + "(not JSON, or no accessToken and expiresAt); run: \(command)"
        case .config(let error):
            error.description
        }
    }
}
