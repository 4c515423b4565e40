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
        var config = try session.config()
        let prompter = session.prompter
        let mfaSerial = invocation.value("mfa-serial")
        if let mfaSerial, let name = invocation.value("profile"), config.profiles[name]?["role_arn"] != nil {
            // A role profile takes the serial on its AssumeRole call, as its own mfa_serial would be.
            config.profiles[name]?.values["mfa_serial"] = mfaSerial
        }
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
        if let serial = mfaSerial ?? resolved.profile?["mfa_serial"], resolved.profile?["role_arn"] == nil {
            let sts = try factory.sts(region: region, credentials: resolved.provider)
            resolved.provider = try await MFASession.start(
                serial: serial, sts: sts, sourceDescription: alias, clock: factory.context.clock,
                code: { serial in try prompter.readSecret(prompt: "MFA code for \(serial)") })
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
        let valid =
            alias.first?.isLetter == true
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
}
