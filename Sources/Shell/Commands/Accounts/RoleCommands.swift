import AWS
import CrossAccount
import Foundation
import Services

/// `role assume`: a new alias for a role assumed from another alias.
enum RoleCommands {
    /// The role commands that manage identities (resource commands for roles are elsewhere).
    static let all: [CommandSpec] = [assume]

    /// AWS caps sessions of a role assumed with role credentials ("role chaining") at one hour.
    static let chainedSessionLimit = 3600

    static let assume = CommandSpec(
        path: ["role", "assume"], summary: "assume a role and add it as a new account alias",
        arguments: [ArgumentSpec(name: "ROLE_ARN", kind: .text, summary: "arn:aws:iam::ID:role/NAME")],
        options: [
            OptionSpec(name: "as", value: .newAlias, isRequired: true, placeholder: "ALIAS", summary: "the new alias"),
            OptionSpec(
                name: "from", value: .alias, placeholder: "ALIAS",
                summary: "whose credentials assume it (default: current)"),
            OptionSpec(
                name: "external-id", value: .text, placeholder: "ID",
                summary: "the external id the trust policy asks for"),
            OptionSpec(
                name: "duration", value: .duration, placeholder: "D", summary: "session length, e.g. 1h (default 1h)"),
            OptionSpec(
                name: "session-name", value: .text, placeholder: "NAME", summary: "the session name CloudTrail records"),
        ],
        details: """
            The credentials are refreshed by assuming the role again before they expire, so long sessions and \
            scripts never fail on expiry. A role assumed with role credentials (chaining) is limited by AWS to \
            one hour per session; s3x refuses a longer --duration there.
            """,
        examples: ["role assume arn:aws:iam::111111111111:role/OrganizationAccountAccessRole --as sec1 --from primary"],
        actsInAccount: false, run: assumeRole)

    @Sendable static func assumeRole(_ invocation: Invocation, _ context: CommandContext) async throws -> Report? {
        let alias = invocation.value("as") ?? ""
        try AccountSetup.checkAliasName(alias, invocation)
        let location = invocation.arguments.first?.location
        let roleARN: RoleARN
        do {
            roleARN = try RoleARN(invocation.argument(0) ?? "")
        } catch {
            throw ShellError.usage(message: "\(error)", location: location, hint: "expected arn:aws:iam::ID:role/NAME")
        }
        let fromAlias = invocation.value("from") ?? context.scope.currentAlias ?? context.session.currentAlias
        guard let fromAlias, let source = context.session.account(fromAlias) else {
            throw ShellError.failed(
                command: "role assume", account: nil, message: "no account to assume the role from",
                hint: "add one first: account add ALIAS --profile NAME")
        }
        let duration = try sessionDuration(invocation, chained: source.source.kind == "role")
        let request = AssumeRoleRequest(
            roleARN: roleARN.description, sessionName: invocation.value("session-name") ?? RoleSessionName.make(),
            externalID: invocation.value("external-id"), durationSeconds: duration,
            sourceDescription: fromAlias)
        let sts = try source.sts()
        let assumed = try await sts.assumeRole(request)
        let provider = RefreshingCredentialProvider(
            initial: assumed.credentials, clock: source.factory.context.clock
        ) { try await sts.assumeRole(request).credentials }
        let account = Account(
            alias: alias, id: roleARN.account, principalARN: assumed.assumedRoleARN, region: source.region,
            credentials: provider, source: assumed.credentials.source, factory: source.factory)
        context.session.register(account)
        return Report(
            command: "role assume", account: alias,
            fields: [
                .init("account id", roleARN.account.description), .init("principal", assumed.assumedRoleARN),
                .init("from", source.label),
                .init("expires", assumed.credentials.expiration.map(ISO8601.format) ?? "unknown"),
            ])
    }

    /// The session length asked for, checked against AWS's limits.
    static func sessionDuration(_ invocation: Invocation, chained: Bool) throws(ShellError) -> Int {
        let asked = invocation.value("duration").flatMap(DurationValue.seconds)
        let location = invocation.options["duration"]?.first?.location
        if let asked, asked < 900 || asked > 43_200 {
            throw .usage(message: "--duration must be between 15m and 12h (AWS's limits)", location: location)
        }
        if chained, let asked, asked > chainedSessionLimit {
            throw .usage(
                message:
                    "--duration \(asked)s exceeds the 1-hour limit AWS puts on a role assumed with role credentials",
                location: location, hint: "use --duration 1h or less, or assume from long-term credentials")
        }
        return asked ?? chainedSessionLimit
    }
}
