import CrossAccount

/// `user create`.
enum UserCommands {
    static let all: [CommandSpec] = [create]

    static let create = CommandSpec(
        path: ["user", "create"], summary: "create an IAM user, and an access key when it has none",
        arguments: [ArgumentSpec(name: "NAME", kind: .text, summary: "the user name")],
        options: [OptionSpec(name: "access-key", summary: "ensure the user has an active access key")],
        details: """
            With --access-key a key is created only when the user has no active one. Its secret is printed \
            once, marked as such, and never recorded in history, logs or files: note it then. A key whose \
            creation reply was lost is found and deleted, so exactly one new key remains.
            """,
        examples: ["user create prisma-saas-s3-user --access-key"], actsInAccount: true
    ) { invocation, context in
        let name = invocation.argument(0) ?? ""
        let actionContext = try context.actionContext(for: invocation)
        var report = try await UserActions.ensureUser(name: name, context: actionContext)
        if invocation.flag("access-key") {
            context.emit(report, for: invocation)
            report = try await UserActions.ensureAccessKey(user: name, context: actionContext)
        }
        return report
    }
}
