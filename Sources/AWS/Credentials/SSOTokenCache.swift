import Crypto
import Foundation

/// The AWS CLI's cache of IAM Identity Center access tokens, `~/.aws/sso/cache`, read only.
///
/// `aws sso login` writes one JSON file per sign-in, named after the SHA-1 (lowercase hex) of
/// the `sso_session` name, or of the `sso_start_url` for profiles of the older form without
/// a session (botocore's `SSOTokenLoader._generate_cache_key`). s3x never signs in itself.
public struct SSOTokenCache: Sendable {
    /// The folder holding the token files.
    public var directory: String

    /// A cache in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// The AWS CLI's cache folder in the home directory of `environment`.
    public init(environment: Environment) {
        self.directory = "\(environment.homeDirectory)/.aws/sso/cache"
    }

    /// The file name for `key` (a session name or a start URL): SHA-1 hex plus `.json`.
    public static func fileName(for key: String) -> String {
        // SHA-1 of a short string fails only if libcrypto itself is broken; the name then
        // matches no file and the person is told to sign in.
        let digest = (try? SHA1.hexHash(Array(key.utf8))) ?? "sha1-unavailable"
        return digest + ".json"
    }

    /// The path of the file for `key`.
    public func path(for key: String) -> String {
        "\(directory)/\(Self.fileName(for: key))"
    }

    /// The token cached for `key`, checked to be unexpired at `now`.
    /// - Parameters:
    ///   - profile: the profile asking, for messages.
    ///   - login: the command that signs in again, e.g. `aws sso login --profile dev`.
    /// - Throws: `CredentialError.ssoLoginRequired` when the file is missing or the token has
    ///   expired; `.ssoTokenUnreadable` when the file is not a token (its content is never shown).
    public func token(for key: String, now: Date, profile: String, login: String) throws(CredentialError) -> SSOToken {
        let file = path(for: key)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .ssoLoginRequired(profile: profile, command: login)
        }
        guard let token = Self.decode(data) else {
            throw .ssoTokenUnreadable(profile: profile, file: file, command: login)
        }
        guard token.expiresAt > now else { throw .ssoLoginRequired(profile: profile, command: login) }
        return token
    }

    /// Reads `accessToken` and `expiresAt` from a cache file; nil when either is missing or malformed.
    static func decode(_ data: Data) -> SSOToken? {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let accessToken = object["accessToken"] as? String, !accessToken.isEmpty,
            let expiresText = object["expiresAt"] as? String
        else { return nil }
        // Older AWS CLI versions wrote `2019-11-14T04:05:45UTC`.
        let normalized = expiresText.hasSuffix("UTC") ? String(expiresText.dropLast(3)) + "Z" : expiresText
        guard let expiresAt = ISO8601.parse(normalized) else { return nil }
        return SSOToken(accessToken: accessToken, expiresAt: expiresAt)
    }
}
