import AWS
import CrossAccount
import Foundation
import Locking
import Services

/// `role assume`: a new alias for a role assumed from another alias.
enum RoleCommands {
    /// The role commands that manage identities (resource commands for roles are elsewhere).
    static let all: [CommandSpec] = [assume]

    /// AWS caps sessions of a role assumed with role credentials ("role chaining") at one hour.
    static let chainedSessionLimit = 3600

    /// How many roles one `role assume` assumes at once when `--jobs` is not given.
    static let defaultJobs = 16

    static let assume = CommandSpec(
        path: ["role", "assume"], summary: "assume a role and add it as a new account alias",
        arguments: [
            ArgumentSpec(
                name: "ROLE_ARN", kind: .text, isVariadic: true,
                summary: "arn:aws:iam::ID:role/NAME; several, one per alias of --as")
        ],
        options: [
            OptionSpec(
                name: "as", value: .newAlias, isList: true, isRequired: true, placeholder: "ALIAS",
                summary: "the new alias (one per ROLE_ARN, in order)"),
            OptionSpec(
                name: "from", value: .alias, placeholder: "ALIAS",
                summary: "whose credentials assume it (default: current)"),
            OptionSpec(
                name: "external-id", value: .text, placeholder: "ID",
                summary: "the external id the trust policy asks for"),
            OptionSpec(
                name: "duration", value: .duration, placeholder: "D", summary: "session length, e.g. 1h (default 1h)"),
            OptionSpec(
                name: "session-name", value: .text, placeholder: "NAME",
                summary: "the session name CloudTrail records"),
            OptionSpec(
                name: "jobs", value: .integer, placeholder: "N",
                summary: "with several roles: how many to assume at once (default \(defaultJobs))"),
        ],
        details: """
            The credentials are refreshed by assuming the role again before they expire, so long sessions and \
            scripts never fail on expiry. A role assumed with role credentials (chaining) is limited by AWS to \
            one hour per session; s3x refuses a longer --duration there. Several roles (ROLE_ARN... --as ALIAS...) \
            are assumed at once (at most --jobs, in rounds as even as that allows), each one's result printed in \
            the order given; those that fail are named, the others are added.
            """,
        examples: [
            "role assume arn:aws:iam::111111111111:role/OrganizationAccountAccessRole --as sec1 --from primary",
            "role assume arn:aws:iam::111111111111:role/Admin arn:aws:iam::222222222222:role/Admin --as sec1 sec2",
        ],
        actsInAccount: false, run: assumeRoles)

    /// One role to assume: its ARN and the alias it becomes.
    private struct Assumption: Sendable {
        var roleARN: RoleARN
        var alias: String
        var request: AssumeRoleRequest
    }

    @Sendable static func assumeRoles(_ invocation: Invocation, _ context: CommandContext) async throws -> Report? {
        let fromAlias = invocation.value("from") ?? context.scope.currentAlias ?? context.session.currentAlias
        guard let fromAlias, let source = context.session.account(fromAlias) else {
            throw ShellError.failed(
                command: "role assume", account: nil, message: "no account to assume the role from",
                hint: "add one first: account add ALIAS --profile NAME")
        }
        let duration = try sessionDuration(invocation, chained: source.source.kind == "role")
        let assumptions = try pairs(invocation, from: fromAlias, duration: duration)
        let jobs = max(1, invocation.value("jobs").flatMap(Int.init) ?? defaultJobs)
        let sts = try source.sts()
        let results = await assumeAll(assumptions, with: sts, jobs: jobs)
        var reports: [Report] = []
        var failures: [(Assumption, AWSError)] = []
        for (assumption, result) in zip(assumptions, results) {
            switch result {
            case .assumed(let assumed):
                reports.append(register(assumption, assumed, from: source, sts: sts, in: context))
            case .refused(let error):
                failures.append((assumption, error))
            }
        }
        guard let (failed, error) = failures.first else {
            reports.dropLast().forEach { context.emit($0, for: invocation) }
            return reports.last
        }
        reports.forEach { context.emit($0, for: invocation) }
        guard assumptions.count > 1 else { throw error }
        let names = failures.map { "\($0.0.alias) (\($0.0.roleARN))" }.joined(separator: ", ")
        throw ShellError.failed(
            command: "role assume", account: fromAlias,
            message: "\(failures.count) of \(assumptions.count) roles were not assumed: \(names); the first error: "
                + "\(error)",
            hint: "the others were added; run role assume again for \(failed.alias) once the cause is fixed")
    }

    /// Checks that `invocation` gives one alias per role ARN (the validator asks too, before anything runs).
    static func checkPairing(_ invocation: Invocation) throws(ShellError) {
        let arns = invocation.arguments(from: 0).count
        let aliases = invocation.values("as").count
        guard arns != aliases else { return }
        throw .usage(
            message:
                "\(arns) role ARN\(arns == 1 ? "" : "s") but \(aliases) alias\(aliases == 1 ? "" : "es") after --as",
            location: invocation.options["as"]?.first?.location, hint: "give one alias per role, in order")
    }

    /// The ARNs and aliases of `invocation`, paired in order and checked.
    private static func pairs(
        _ invocation: Invocation, from fromAlias: String, duration: Int
    ) throws(ShellError) -> [Assumption] {
        try checkPairing(invocation)
        let arns = invocation.arguments(from: 0)
        let aliases = invocation.values("as")
        let sessionName = invocation.value("session-name") ?? RoleSessionName.make()
        var assumptions: [Assumption] = []
        for (index, (arn, alias)) in zip(arns, aliases).enumerated() {
            try AccountSetup.checkAliasName(alias, invocation)
            if aliases[..<index].contains(alias) {
                throw .usage(
                    message: "alias '\(alias)' is given twice", location: invocation.options["as"]?.first?.location)
            }
            let roleARN: RoleARN
            do {
                roleARN = try RoleARN(arn)
            } catch {
                throw .usage(
                    message: "\(error)", location: invocation.arguments[index].location,
                    hint: "expected arn:aws:iam::ID:role/NAME")
            }
            let request = AssumeRoleRequest(
                roleARN: roleARN.description, sessionName: sessionName, externalID: invocation.value("external-id"),
                durationSeconds: duration, sourceDescription: fromAlias)
            assumptions.append(Assumption(roleARN: roleARN, alias: alias, request: request))
        }
        return assumptions
    }

    /// What became of one role.
    private enum Outcome: Sendable {
        case assumed(AssumedRole)
        case refused(AWSError)
    }

    /// Assumes every role, at most `jobs` at once; the outcomes in the order of `assumptions`.
    private static func assumeAll(_ assumptions: [Assumption], with sts: STS, jobs: Int) async -> [Outcome] {
        await assumptions.concurrentMap(limit: jobs) { assumption in
            do throws(AWSError) {
                return .assumed(try await sts.assumeRole(assumption.request))
            } catch {
                return .refused(error)
            }
        }
    }

    /// Adds the alias of an assumed role to the session; its report.
    private static func register(
        _ assumption: Assumption, _ assumed: AssumedRole, from source: Account, sts: STS, in context: CommandContext
    ) -> Report {
        let request = assumption.request
        let provider = RefreshingCredentialProvider(
            initial: assumed.credentials, clock: source.factory.context.clock
        ) { try await sts.assumeRole(request).credentials }
        let account = Account(
            alias: assumption.alias, id: assumption.roleARN.account, principalARN: assumed.assumedRoleARN,
            region: source.region, credentials: provider, source: assumed.credentials.source, factory: source.factory)
        context.session.register(account)
        return Report(
            command: "role assume", account: assumption.alias,
            fields: [
                .init("account id", assumption.roleARN.account.description),
                .init("principal", assumed.assumedRoleARN), .init("from", source.label),
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
