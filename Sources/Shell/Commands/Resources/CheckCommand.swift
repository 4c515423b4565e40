import AWS
import CrossAccount

/// `check`: reads the whole setup back and proves the scanner can reach every secondary.
enum CheckCommand {
    static let check = CommandSpec(
        path: ["check"], summary: "verify the whole setup in every account, end to end",
        arguments: [],
        options: [
            OptionSpec(name: "primary", value: .alias, placeholder: "ALIAS", summary: "the primary (default: current)"),
            OptionSpec(
                name: "secondary", value: .alias, isList: true, isRequired: true, placeholder: "ALIAS",
                summary: "the secondaries"),
            OptionSpec(
                name: "access-key-id", value: .text, placeholder: "ID",
                summary:
                    "the scanner user's key, for the full proof (secret from S3X_SCANNER_SECRET_ACCESS_KEY or a prompt)"
            ),
            OptionSpec(
                name: "data-events", value: .text, placeholder: "all|B1,B2",
                summary: "what the trails must record (default all)"),
            OptionSpec(
                name: "bucket", value: .text, placeholder: "BUCKET",
                summary: "the CloudTrail bucket (default prisma-saas-s3-<primary id>)"),
            OptionSpec(name: "user", value: .text, placeholder: "USER", summary: "the scanner's user"),
            OptionSpec(name: "role-name", value: .text, placeholder: "ROLE", summary: "the secondaries' role"),
            OptionSpec(name: "primary-trail", value: .text, placeholder: "NAME", summary: "the primary's trail"),
            OptionSpec(name: "secondary-trail", value: .text, placeholder: "NAME", summary: "the secondaries' trail"),
            OptionSpec(name: "primary-policy", value: .text, placeholder: "NAME", summary: "the primary's policy"),
            OptionSpec(name: "secondary-policy", value: .text, placeholder: "NAME", summary: "the secondaries' policy"),
            OptionSpec(
                name: "jobs", value: .integer, placeholder: "N",
                summary: "how many accounts are read (and proofs run) at once (default \(defaultJobs))"),
        ],
        details: """
            Reads back every item of the procedure and prints a table of what holds (ok), what does not \
            (FAIL) and what could not be proven (skipped, with the reason); exits non-zero when anything \
            fails. With the scanner user's key (created in this session, or given with --access-key-id) it \
            signs as that user and assumes each secondary role. Names default to the vendor's.
            """,
        examples: ["check --primary primary --secondary sec1 sec2 sec3"], actsInAccount: false,
        recordsHistory: true, run: run)

    /// How many accounts one check reads at once when `--jobs` is not given.
    static let defaultJobs = 16

    @Sendable static func run(_ invocation: Invocation, _ context: CommandContext) async throws -> Report? {
        let session = context.session
        let primaryAlias = invocation.value("primary") ?? context.scope.currentAlias ?? session.currentAlias
        guard let primaryAlias, let primary = session.account(primaryAlias) else {
            throw ShellError.failed(
                command: "check", account: nil, message: "no primary account", hint: "use --primary ALIAS")
        }
        let secondaries = invocation.values("secondary").compactMap(session.account)
        let names = names(invocation)
        let key = try scannerKey(invocation, user: names.user, session: session)
        let check = SetupCheck(
            primary: primary, secondaries: secondaries, names: names,
            dataEvents: TrailCommands.dataEvents(invocation.value("data-events")), scannerKey: key,
            maxConcurrentAccounts: max(1, invocation.value("jobs").flatMap(Int.init) ?? defaultJobs))
        return await check.run()
    }

    private static func names(_ invocation: Invocation) -> ProcedureNames {
        var names = ProcedureNames.default
        names.bucketOverride = invocation.value("bucket")
        names.user = invocation.value("user") ?? names.user
        names.role = invocation.value("role-name") ?? names.role
        names.primaryTrail = invocation.value("primary-trail") ?? names.primaryTrail
        names.secondaryTrail = invocation.value("secondary-trail") ?? names.secondaryTrail
        names.primaryPolicy = invocation.value("primary-policy") ?? names.primaryPolicy
        names.secondaryPolicy = invocation.value("secondary-policy") ?? names.secondaryPolicy
        return names
    }

    /// The scanner's key: given with --access-key-id (secret from the environment or a prompt), or
    /// created earlier in this session; nil otherwise.
    private static func scannerKey(
        _ invocation: Invocation, user: String, session: Session
    ) throws(ShellError) -> (accessKeyID: String, secret: String)? {
        if let keyID = invocation.value("access-key-id") {
            if let secret = session.environment["S3X_SCANNER_SECRET_ACCESS_KEY"] { return (keyID, secret) }
            return (keyID, try session.prompter.readSecret(prompt: "secret access key for \(keyID)"))
        }
        return session.withState { $0.history.createdKeys[user] }
    }
}
