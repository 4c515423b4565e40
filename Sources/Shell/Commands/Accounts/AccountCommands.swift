import AWS
import CrossAccount
import Foundation
import Services

/// `account add|list|use|show|remove` and `whoami`: the accounts of a session.
enum AccountCommands {
    /// Every account command, in `help` order.
    static let all: [CommandSpec] = [add, list, use, show, remove, whoami]

    static let add = CommandSpec(
        path: ["account", "add"], summary: "add an account by its base credentials (profile, environment, key)",
        arguments: [ArgumentSpec(name: "ALIAS", kind: .newAlias, summary: "the name to call it by, e.g. primary")],
        options: [
            OptionSpec(
                name: "profile", value: .text, placeholder: "NAME", summary: "a profile of ~/.aws/config or credentials"
            ),
            OptionSpec(
                name: "region", value: .text, placeholder: "REGION", summary: "the region to create resources in"),
            OptionSpec(
                name: "access-key-id", value: .text, placeholder: "ID",
                summary: "an access key; the secret is read from AWS_SECRET_ACCESS_KEY or asked for without echo"),
            OptionSpec(
                name: "mfa-serial", value: .text, placeholder: "ARN",
                summary: "an MFA device: asks for a code once and uses an MFA session (GetSessionToken)"),
        ],
        details: """
            Without --profile or --access-key-id the default chain is used: AWS_ACCESS_KEY_ID and friends, \
            then the profile AWS_PROFILE names (or default). Profiles may use role_arn with source_profile, \
            credential_process and mfa_serial. s3x calls GetCallerIdentity and remembers the account id, the \
            principal and the region. A secret is never accepted on the command line or in a script.
            """,
        examples: ["account add primary --profile primary-admin", "account add org --access-key-id AKIA..."],
        actsInAccount: false, run: AccountSetup.add)

    static let list = CommandSpec(
        path: ["account", "list"], summary: "list the accounts: alias, id, principal, credentials, expiry",
        arguments: [], options: [], details: "The current account is marked with *.", examples: ["account list"],
        actsInAccount: false, recordsHistory: false
    ) { _, context in
        var rows: [[String]] = []
        let current = context.session.currentAlias
        for account in context.session.accounts {
            let expiry = await CredentialExpiry.describe(account, now: Date())
            rows.append([
                (account.alias == current ? "* " : "  ") + account.alias, account.id.description, account.principalARN,
                account.source.kind, account.region, expiry,
            ])
        }
        return Report(
            command: "account list",
            table: Report.Table(columns: ["alias", "account", "principal", "source", "region", "expires"], rows: rows))
    }

    static let use = CommandSpec(
        path: ["account", "use"], summary: "make an account the current one",
        arguments: [ArgumentSpec(name: "ALIAS", kind: .alias, summary: "a known alias")], options: [], details: "",
        examples: ["account use sec1"], actsInAccount: false
    ) { invocation, context in
        context.session.currentAlias = invocation.argument(0)
        return nil
    }

    static let show = CommandSpec(
        path: ["account", "show"], summary: "show an account: id, principal, credential source and expiry",
        arguments: [ArgumentSpec(name: "ALIAS", kind: .alias, isOptional: true, summary: "default: the current one")],
        options: [], details: "Never shows a secret.", examples: ["account show sec1"], actsInAccount: false,
        recordsHistory: false
    ) { invocation, context in
        let alias = invocation.argument(0) ?? context.scope.currentAlias ?? context.session.currentAlias
        guard let alias, let account = context.session.account(alias) else {
            throw ShellError.failed(command: "account show", account: nil, message: "no account is in use")
        }
        return Report(
            command: "account show", account: alias,
            fields: [
                .init("account id", account.id.description), .init("principal", account.principalARN),
                .init("region", account.region), .init("credentials", account.source.description),
                .init("expires", await CredentialExpiry.describe(account, now: Date())),
            ])
    }

    static let remove = CommandSpec(
        path: ["account", "remove"], summary: "forget an account",
        arguments: [ArgumentSpec(name: "ALIAS", kind: .alias, summary: "a known alias")], options: [], details: "",
        examples: ["account remove sec3"], actsInAccount: false
    ) { invocation, context in
        if let alias = invocation.argument(0) { context.session.remove(alias) }
        return nil
    }

    static let whoami = CommandSpec(
        path: ["whoami"], summary: "ask AWS who the current account's credentials belong to",
        arguments: [], options: [], details: "Calls GetCallerIdentity.", examples: ["whoami", "whoami --in sec1"],
        actsInAccount: true, recordsHistory: false
    ) { invocation, context in
        let account = try context.account(for: invocation)
        let identity = try await account.sts().getCallerIdentity()
        return Report(
            command: "whoami", account: account.alias,
            fields: [
                .init("account id", identity.account), .init("arn", identity.arn), .init("user id", identity.userID),
            ])
    }
}

/// How long an account's credentials have left.
enum CredentialExpiry {
    /// The expiry of temporary credentials, or nil for long-term keys. Fetches nothing: listing
    /// accounts must not run a credential_process or ask for an MFA code.
    static func date(of account: Account) async -> Date? {
        await account.credentials.cachedExpiration()
    }

    /// `42m left`, `never` or `expired`.
    static func describe(_ account: Account, now: Date) async -> String {
        guard let expiry = await date(of: account) else { return "never" }
        let minutes = Int(expiry.timeIntervalSince(now) / 60)
        return minutes > 0 ? "\(minutes)m left (refreshed automatically)" : "expired"
    }
}
