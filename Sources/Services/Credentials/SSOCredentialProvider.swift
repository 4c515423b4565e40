import AWS
import Foundation

/// Credentials of an IAM Identity Center (SSO) profile, as the AWS CLI gets them.
///
/// The profile names an account and a role (`sso_account_id`, `sso_role_name`) and either an
/// `sso_session` (whose `[sso-session NAME]` section holds `sso_start_url` and `sso_region`) or,
/// in the older form, `sso_start_url` and `sso_region` itself. The access token comes from the
/// AWS CLI's token cache; the portal of `sso_region` trades it for role credentials, fetched
/// again before they expire. s3x never runs the browser sign-in: a missing, expired or refused
/// token tells the person which `aws sso login` to run.
public struct SSOCredentialProvider: CredentialProvider {
    /// What the profile says, resolved against its `sso-session` section.
    public struct Settings: Sendable, Equatable {
        /// The profile's name.
        public var profile: String
        /// The key of the token cache file: the session name, or the start URL (older form).
        public var cacheKey: String
        /// The region of the portal.
        public var region: String
        /// The account whose role is used.
        public var accountID: String
        /// The permission set's role name.
        public var roleName: String
        /// The command that signs in again.
        public var login: String
    }

    /// The resolved settings.
    public let settings: Settings
    private let inner: RefreshingCredentialProvider

    /// Prepares the provider of `profile`.
    /// - Parameters:
    ///   - factory: builds the portal client (its endpoint honours `AWS_ENDPOINT_URL_SSO`).
    ///   - cache: the token cache (by default the AWS CLI's, in the home directory).
    /// - Throws: `CredentialError.incomplete` for missing settings, `.unsupportedProfile` for a
    ///   malformed endpoint override.
    public init(
        profile: SharedConfig.Profile, config: SharedConfig, factory: ClientFactory, cache: SSOTokenCache
    ) throws(CredentialError) {
        let settings = try Self.settings(of: profile, config: config)
        let portal: SSOPortal
        do {
            let client = try factory.using(profile: profile, config: config)
                .client(.sso, region: settings.region, credentials: UnsignedCredentialProvider())
            portal = SSOPortal(client: client)
        } catch {
            throw .unsupportedProfile(profile.name, reason: error.description)
        }
        let clock = factory.context.clock
        self.settings = settings
        self.inner = RefreshingCredentialProvider(clock: clock) {
            try await Self.fetch(settings, portal: portal, cache: cache, now: clock.now())
        }
    }

    public func credentials() async throws -> Credentials {
        try await inner.credentials()
    }

    public func invalidate() async {
        await inner.invalidate()
    }

    public func cachedExpiration() async -> Date? {
        await inner.cachedExpiration()
    }

    /// Whether `profile` is an IAM Identity Center profile.
    public static func isSSO(_ profile: SharedConfig.Profile) -> Bool {
        profile["sso_session"] != nil || profile["sso_start_url"] != nil || profile["sso_account_id"] != nil
    }

    /// Reads the settings of `profile`.
    /// - Throws: `CredentialError.incomplete` naming the first missing setting.
    public static func settings(
        of profile: SharedConfig.Profile, config: SharedConfig
    ) throws(CredentialError) -> Settings {
        let source = "profile \(profile.name)"
        var cacheKey: String
        var region: String?
        var login: String
        if let sessionName = profile["sso_session"] {
            guard let session = config.ssoSessions[sessionName] else {
                throw .incomplete(
                    source: source, missing: "an [sso-session \(sessionName)] section in \(config.configPath)")
            }
            guard session["sso_start_url"]?.isEmpty == false else {
                throw .incomplete(source: "sso-session \(sessionName)", missing: "sso_start_url")
            }
            cacheKey = sessionName
            region = session["sso_region"].flatMap { $0.isEmpty ? nil : $0 }
            login = "aws sso login --sso-session \(sessionName)"
        } else {
            guard let startURL = profile["sso_start_url"] else {
                throw .incomplete(source: source, missing: "sso_start_url")
            }
            cacheKey = startURL
            region = profile["sso_region"]
            login = "aws sso login --profile \(profile.name)"
        }
        guard let region else { throw .incomplete(source: source, missing: "sso_region") }
        guard let accountID = profile["sso_account_id"] else {
            throw .incomplete(source: source, missing: "sso_account_id")
        }
        guard let roleName = profile["sso_role_name"] else {
            throw .incomplete(source: source, missing: "sso_role_name")
        }
        return Settings(
            profile: profile.name, cacheKey: cacheKey, region: region, accountID: accountID, roleName: roleName,
            login: login)
    }

    /// Reads the token and asks the portal for role credentials.
    /// - Throws: `CredentialError.ssoLoginRequired` when the token is missing, expired or refused.
    static func fetch(
        _ settings: Settings, portal: SSOPortal, cache: SSOTokenCache, now: Date
    ) async throws -> Credentials {
        let token = try cache.token(for: settings.cacheKey, now: now, profile: settings.profile, login: settings.login)
        do {
            return try await portal.getRoleCredentials(
                roleName: settings.roleName, accountID: settings.accountID, accessToken: token.accessToken,
                profile: settings.profile)
        } catch {
            // The portal answers 401 (UnauthorizedException) to a token signed out or revoked early.
            if error.serviceError?.status == 401 {
                throw CredentialError.ssoLoginRequired(profile: settings.profile, command: settings.login)
            }
            throw error
        }
    }
}
