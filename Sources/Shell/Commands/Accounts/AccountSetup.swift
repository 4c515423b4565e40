import AWS
import CrossAccount
import Foundation
import Services

/// Resolves base credentials for `account add` and registers the account.
enum AccountSetup {
    /// Runs `account add`.
    /// - Throws: `ShellError` or the credential or AWS error met.
    @Sendable static func add(_ invocation: Invocation, _ context: CommandContext) async throws -> Report? {
        let alias = invocation.argument(0) ?? ""
        try checkAliasName(alias, invocation)
        let session = context.session
        let config = try session.config()
        let prompter = session.prompter
        let resolver = ProfileCredentialResolver(
            config: config, environment: session.environment, factory: session.factory,
            mfaCode: { serial in try prompter.readSecret(prompt: "MFA code for \(serial)") })
        var resolved: ResolvedCredentials
        if let keyID = invocation.value("access-key-id") {
            resolved = try typedKey(keyID, session: session)
        } else if let profile = invocation.value("profile") {
            resolved = try resolver.provider(forProfile: profile)
        } else {
            resolved = try resolver.defaultProvider()
        }
        let region = invocation.value("region") ?? session.regionOverride ?? resolved.region ?? "us-east-1"
        guard Region.isValid(region) else {
            throw ShellError.usage(
                message: "'\(region)' is not a region name (expected e.g. us-east-1)",
                location: invocation.options["region"]?.first?.location)
        }
        let factory = session.factory.using(profile: resolved.profile, config: config)
        if let serial = invocation.value("mfa-serial") ?? resolved.profile?["mfa_serial"],
            resolved.profile?["role_arn"] == nil
        {
            resolved.provider = try await mfaSession(
                serial: serial, base: resolved.provider, factory: factory, region: region, alias: alias,
                prompter: prompter)
        }
        let identity = try await factory.sts(region: region, credentials: resolved.provider).getCallerIdentity()
        let source = try await resolved.provider.credentials().source
        let account = Account(
            alias: alias, id: try AccountID(identity.account), principalARN: identity.arn, region: region,
            credentials: resolved.provider, source: source, factory: factory)
        session.register(account)
        return Report(
            command: "account add", account: alias,
            fields: [
                .init("account id", identity.account), .init("principal", identity.arn), .init("region", region),
                .init("credentials", source.description),
            ])
    }

    /// Aliases are words: letters, digits, `-` and `_`, starting with a letter.
    static func checkAliasName(_ alias: String, _ invocation: Invocation) throws(ShellError) {
        let valid = alias.first?.isLetter == true
            && alias.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard valid else {
            throw .usage(
                message: "'\(alias)' is not a usable alias (letters, digits, - and _, starting with a letter)",
                location: invocation.arguments.first?.location ?? invocation.options["as"]?.first?.location)
        }
    }

    private static func typedKey(_ keyID: String, session: Session) throws -> ResolvedCredentials {
        let fromEnvironment = session.environment["AWS_SECRET_ACCESS_KEY"]
        let secret = try fromEnvironment ?? session.prompter.readSecret(prompt: "secret access key for \(keyID)")
        let credentials = Credentials(
            accessKeyID: keyID, secretAccessKey: secret, source: fromEnvironment == nil ? .prompt : .environment)
        let region = Region.configured(environment: session.environment, profile: nil)
        return ResolvedCredentials(provider: StaticCredentialProvider(credentials), profile: nil, region: region)
    }

    /// An MFA session (GetSessionToken with a code), asked for again only when it expires.
    private static func mfaSession(
        serial: String, base: any CredentialProvider, factory: ClientFactory, region: String, alias: String,
        prompter: any SecretPrompter
    ) async throws -> any CredentialProvider {
        let sts = try factory.sts(region: region, credentials: base)
        let fetch: @Sendable () async throws -> Credentials = {
            let code = try prompter.readSecret(prompt: "MFA code for \(serial)")
            return try await sts.getSessionToken(mfaSerial: serial, mfaCode: code, sourceDescription: alias)
        }
        let first = try await fetch()
        return RefreshingCredentialProvider(initial: first, clock: factory.context.clock, fetch: fetch)
    }
}
