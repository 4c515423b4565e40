import AWS
import Foundation

/// Resolves credentials the way the AWS CLI does: the environment, then the shared files'
/// profile (static keys, `credential_process`, IAM Identity Center), following `role_arn` +
/// `source_profile` chains.
public struct ProfileCredentialResolver: Sendable {
    /// The merged shared files.
    public var config: SharedConfig
    /// The environment.
    public var environment: Environment
    /// Builds the STS clients used to assume roles.
    public var factory: ClientFactory
    /// Asks the person for an MFA code for a device serial (no echo); nil when nobody can answer.
    public var mfaCode: (@Sendable (_ serial: String) async throws -> String)?
    /// The AWS CLI's IAM Identity Center token cache.
    public var ssoCache: SSOTokenCache

    /// Creates a resolver; `ssoCache` defaults to `~/.aws/sso/cache` of `environment`.
    public init(
        config: SharedConfig, environment: Environment, factory: ClientFactory,
        mfaCode: (@Sendable (String) async throws -> String)? = nil, ssoCache: SSOTokenCache? = nil
    ) {
        self.config = config
        self.environment = environment
        self.factory = factory
        self.mfaCode = mfaCode
        self.ssoCache = ssoCache ?? SSOTokenCache(environment: environment)
    }

    /// The default chain: environment variables, then the selected profile (`AWS_PROFILE` or `default`).
    /// - Throws: `CredentialError.noneFound` naming what was searched.
    public func defaultProvider() throws(CredentialError) -> ResolvedCredentials {
        let environmentProvider = EnvironmentCredentialProvider(environment: environment)
        if environmentProvider.isConfigured {
            let region = Region.configured(environment: environment, profile: nil)
            return ResolvedCredentials(provider: environmentProvider, profile: nil, region: region)
        }
        let name = SharedConfig.selectedProfileName(environment: environment)
        guard config.profiles[name] != nil else {
            throw .noneFound(searched: [
                "AWS_ACCESS_KEY_ID", "profile '\(name)' in \(config.credentialsPath) and \(config.configPath)",
            ])
        }
        return try provider(forProfile: name)
    }

    /// The credentials of profile `name`.
    /// - Throws: `CredentialError` for a missing, incomplete or looping profile.
    public func provider(forProfile name: String) throws(CredentialError) -> ResolvedCredentials {
        var visited: [String] = []
        let provider = try provider(forProfile: name, visited: &visited)
        let profile = config.profiles[name]
        return ResolvedCredentials(
            provider: provider, profile: profile, region: Region.configured(environment: environment, profile: profile))
    }

    private func provider(forProfile name: String, visited: inout [String]) throws(CredentialError)
        -> any CredentialProvider
    {
        guard !visited.contains(name) else { throw .sourceProfileCycle(visited + [name]) }
        visited.append(name)
        guard let profile = config.profiles[name] else {
            throw .profileNotFound(name, files: [config.credentialsPath, config.configPath])
        }
        if let roleARN = profile["role_arn"] {
            return try roleProvider(profile: profile, roleARN: roleARN, visited: &visited)
        }
        if let keyID = profile["aws_access_key_id"] {
            guard let secret = profile["aws_secret_access_key"] else {
                throw .incomplete(source: "profile \(name)", missing: "aws_secret_access_key")
            }
            return StaticCredentialProvider(
                Credentials(
                    accessKeyID: keyID, secretAccessKey: secret, sessionToken: profile["aws_session_token"],
                    source: .profile(name)))
        }
        if profile["credential_process"] != nil {
            return try ProcessCredentialProvider(profile: profile, clock: factory.context.clock)
        }
        if SSOCredentialProvider.isSSO(profile) {
            return try SSOCredentialProvider(profile: profile, config: config, factory: factory, cache: ssoCache)
        }
        throw .incomplete(
            source: "profile \(name)", missing: "aws_access_key_id, role_arn, credential_process or sso_session")
    }

    private func roleProvider(
        profile: SharedConfig.Profile, roleARN: String, visited: inout [String]
    ) throws(CredentialError) -> any CredentialProvider {
        let source: any CredentialProvider
        if let sourceName = profile["source_profile"] {
            source = try provider(forProfile: sourceName, visited: &visited)
        } else if profile["credential_source"] == "Environment" {
            source = EnvironmentCredentialProvider(environment: environment)
        } else {
            throw .incomplete(source: "profile \(profile.name)", missing: "source_profile")
        }
        let region = Region.configured(environment: environment, profile: profile) ?? "us-east-1"
        let request = AssumeRoleRequest(
            roleARN: roleARN, sessionName: profile["role_session_name"] ?? RoleSessionName.make(),
            externalID: profile["external_id"], durationSeconds: profile["duration_seconds"].flatMap(Int.init),
            mfaSerial: profile["mfa_serial"], sourceDescription: "profile \(profile.name)")
        let sts: STS
        do {
            sts = try factory.using(profile: profile, config: config).sts(region: region, credentials: source)
        } catch {
            throw .unsupportedProfile(profile.name, reason: error.description)
        }
        let mfaCode = self.mfaCode
        return RefreshingCredentialProvider(clock: factory.context.clock) {
            var request = request
            if let serial = request.mfaSerial {
                guard let mfaCode else {
                    throw CredentialError.incomplete(source: "profile \(profile.name)", missing: "an MFA code")
                }
                request.mfaCode = try await mfaCode(serial)
            }
            return try await sts.assumeRole(request).credentials
        }
    }
}

/// A credential provider with the profile it came from and the region it configures.
public struct ResolvedCredentials: Sendable {
    /// Hands out the credentials.
    public var provider: any CredentialProvider
    /// The profile, when one was used.
    public var profile: SharedConfig.Profile?
    /// The configured region, if any.
    public var region: String?

    /// Creates a resolved set.
    public init(provider: any CredentialProvider, profile: SharedConfig.Profile?, region: String?) {
        self.provider = provider
        self.profile = profile
        self.region = region
    }
}

/// Session names for assumed roles.
public enum RoleSessionName {
    /// `s3x-<unix time>`, within the 64-character limit and the allowed characters.
    public static func make(now: Date = Date()) -> String {
        "s3x-\(Int(now.timeIntervalSince1970))"
    }
}
