import CrossAccount

/// `role create|show`: the secondaries' cross-account role.
enum RoleResourceCommands {
    static let all: [CommandSpec] = [create, show]

    static let create = CommandSpec(
        path: ["role", "create"], summary: "create a role trusted by an account (or fix its trust)",
        arguments: [ArgumentSpec(name: "NAME", kind: .text, summary: "the role name")],
        options: [
            OptionSpec(
                name: "trust", value: .account, isRequired: true, placeholder: "ACCOUNT",
                summary: "the account allowed to assume it (alias or id)"),
            OptionSpec(name: "policy", value: .text, placeholder: "POLICY", summary: "also attach this managed policy"),
        ],
        details: """
            The trust policy admits arn:aws:iam::<id>:root to sts:AssumeRole. An existing role whose trust does \
            not admit the account is updated, keeping its other statements. The role ARN is printed: the \
            scanner's console asks for it.
            """,
        examples: ["role create prisma-saas-s3-cross-account-access-role --trust primary"], actsInAccount: true
    ) { invocation, context in
        let trusted = try context.accountIDs([invocation.value("trust") ?? ""], invocation: invocation)
        return try await RoleActions.ensureRole(
            name: invocation.argument(0) ?? "", trusting: trusted[0], attaching: invocation.value("policy"),
            context: context.actionContext(for: invocation))
    }

    static let show = CommandSpec(
        path: ["role", "show"], summary: "print a role's ARN, trust policy and attached policies",
        arguments: [ArgumentSpec(name: "NAME", kind: .text, summary: "the role name")], options: [], details: "",
        examples: ["role show prisma-saas-s3-cross-account-access-role --in sec1"], actsInAccount: true,
        recordsHistory: false
    ) { invocation, context in
        try await RoleActions.showRole(
            name: invocation.argument(0) ?? "", context: context.actionContext(for: invocation))
    }
}
