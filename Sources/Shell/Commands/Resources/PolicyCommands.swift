import CrossAccount
import Foundation

/// `policy create|show|attach`.
enum PolicyCommands {
    static let all: [CommandSpec] = [create, show, attach]

    static let create = CommandSpec(
        path: ["policy", "create"], summary: "create or update a managed policy from a preset or a file",
        arguments: [ArgumentSpec(name: "NAME", kind: .text, summary: "the policy name")],
        options: [
            OptionSpec(
                name: "preset", value: .choice(["primary", "secondary"]), placeholder: "primary|secondary",
                summary: "the procedure's documents"),
            OptionSpec(
                name: "assume-into", value: .account, isList: true, placeholder: "ACCOUNT",
                summary: "with --preset primary: the secondaries whose role the user may assume"),
            OptionSpec(
                name: "role-name", value: .text, placeholder: "ROLE",
                summary: "the secondaries' role (default prisma-saas-s3-cross-account-access-role)"),
            OptionSpec(
                name: "user", value: .text, placeholder: "USER",
                summary: "with --preset primary: also attach every part to USER (checks the quota first)"),
            OptionSpec(name: "file", value: .path, placeholder: "PATH", summary: "a JSON policy document"),
        ],
        details: """
            An existing policy whose default version differs gets a new default version; when five versions \
            exist the oldest non-default one is deleted first. With many secondaries the primary grants are \
            split over NAME, NAME-2, ... to stay within IAM's 6,144-character limit.
            """,
        examples: [
            "policy create prisma-saas-s3-primary-policy --preset primary --assume-into sec1 sec2 sec3",
            "policy create prisma-saas-s3-secondary-policy --preset secondary",
        ],
        actsInAccount: true, run: runCreate)

    @Sendable static func runCreate(_ invocation: Invocation, _ context: CommandContext) async throws -> Report? {
        let name = invocation.argument(0) ?? ""
        let actionContext = try context.actionContext(for: invocation)
        if let path = invocation.value("file") {
            let document = try readDocument(path, invocation: invocation)
            return try await PolicyActions.ensureManagedPolicy(name: name, document: document, context: actionContext)
        }
        switch invocation.value("preset") {
        case "secondary":
            return try await PolicyActions.ensureManagedPolicy(
                name: name, document: ScannerPolicy.secondaryDocument, context: actionContext)
        case "primary":
            let ids = try context.accountIDs(invocation.values("assume-into"), invocation: invocation)
            guard !ids.isEmpty else {
                throw ShellError.usage(
                    message: "--preset primary needs --assume-into ACCOUNT...", location: invocation.command.location)
            }
            var names = ProcedureNames.default
            names.primaryPolicy = name
            names.role = invocation.value("role-name") ?? names.role
            return try await primary(names: names, ids: ids, invocation: invocation, context: context, actionContext)
        default:
            throw ShellError.usage(
                message: "policy create needs --preset primary|secondary or --file PATH",
                location: invocation.command.location)
        }
    }

    private static func primary(
        names: ProcedureNames, ids: [AccountID], invocation: Invocation, context: CommandContext,
        _ actionContext: ActionContext
    ) async throws -> Report? {
        var names = names
        let reports: [Report]
        if let user = invocation.value("user") {
            names.user = user
            reports = try await PolicyActions.ensurePrimaryPolicies(
                names: names, secondaryIDs: ids, context: actionContext)
        } else {
            var collected: [Report] = []
            let parts = ScannerPolicy.primaryPolicies(
                baseName: names.primaryPolicy, secondaryIDs: ids, roleName: names.role,
                partition: actionContext.account.partition)
            for part in parts {
                collected.append(
                    try await PolicyActions.ensureManagedPolicy(
                        name: part.name, document: part.document, context: actionContext))
            }
            reports = collected
        }
        reports.dropLast().forEach { context.emit($0, for: invocation) }
        return reports.last
    }

    private static func readDocument(_ path: String, invocation: Invocation) throws -> PolicyDocument {
        let location = invocation.options["file"]?.first?.location
        let resolved = SourceFiles.resolve(path, relativeTo: FileManager.default.currentDirectoryPath)
        guard let data = FileManager.default.contents(atPath: resolved), let text = String(data: data, encoding: .utf8)
        else {
            throw ShellError.usage(message: "cannot read policy file '\(path)'", location: location)
        }
        do {
            let document = try PolicyDocument(parsing: text)
            if document.iamCharacterCount > ScannerPolicy.managedPolicyCharacterLimit {
                throw ShellError.usage(
                    message: "\(path) holds \(document.iamCharacterCount) characters without whitespace; "
                        + "IAM allows \(ScannerPolicy.managedPolicyCharacterLimit) in a managed policy",
                    location: location)
            }
            return document
        } catch let error as PolicyError {
            throw ShellError.usage(message: "\(path): \(error)", location: location)
        }
    }

    static let show = CommandSpec(
        path: ["policy", "show"], summary: "print a managed policy's default version",
        arguments: [ArgumentSpec(name: "NAME", kind: .text, summary: "the policy name or ARN")], options: [],
        details: "", examples: ["policy show prisma-saas-s3-primary-policy"], actsInAccount: true,
        recordsHistory: false
    ) { invocation, context in
        try await PolicyActions.showPolicy(
            nameOrARN: invocation.argument(0) ?? "", context: context.actionContext(for: invocation))
    }

    static let attach = CommandSpec(
        path: ["policy", "attach"], summary: "attach a managed policy to a user or a role",
        arguments: [ArgumentSpec(name: "NAME", kind: .text, summary: "the policy name")],
        options: [
            OptionSpec(name: "user", value: .text, placeholder: "USER", summary: "the user to attach it to"),
            OptionSpec(name: "role", value: .text, placeholder: "ROLE", summary: "the role to attach it to"),
        ],
        details: "Reads the attachments first; attaching twice changes nothing.",
        examples: ["policy attach prisma-saas-s3-primary-policy --user prisma-saas-s3-user"], actsInAccount: true
    ) { invocation, context in
        let name = invocation.argument(0) ?? ""
        let actionContext = try context.actionContext(for: invocation)
        switch (invocation.value("user"), invocation.value("role")) {
        case (let user?, nil):
            return try await PolicyActions.attachPolicy(name: name, toUser: user, context: actionContext)
        case (nil, let role?):
            return try await PolicyActions.attachPolicy(name: name, toRole: role, context: actionContext)
        default:
            throw ShellError.usage(
                message: "policy attach needs exactly one of --user USER or --role ROLE",
                location: invocation.command.location)
        }
    }
}
