import CrossAccount
import Foundation
import Script

/// The shell's own commands: variables, scripts, history, help, leaving.
enum BuiltinCommands {
    /// Every builtin, in `help` order.
    static let all: [CommandSpec] = [set, echo, source, each, wait, history, ExplainCommand.spec, help, exit]

    static let set = CommandSpec(
        path: ["set"], summary: "set a variable, or a setting (dry-run, output)",
        arguments: [
            ArgumentSpec(name: "NAME", kind: .variable, summary: "the variable, or dry-run / output"),
            ArgumentSpec(name: "VALUE", kind: .text, isVariadic: true, summary: "its value (words joined by spaces)"),
        ],
        options: [],
        details: """
            Variables are read as ${NAME} in unquoted and double-quoted words. Two names are settings: \
            'set dry-run on|off' makes every later command only plan, and 'set output text|json' picks the \
            output format.
            """,
        examples: ["set bucket \"prisma-saas-s3-${primary.id}\"", "set dry-run on"], actsInAccount: false
    ) { invocation, context in
        let name = invocation.argument(0) ?? ""
        let value = invocation.arguments(from: 1).joined(separator: " ")
        try Settings.apply(name: name, value: value, invocation: invocation, session: context.session)
        return nil
    }

    static let echo = CommandSpec(
        path: ["echo"], summary: "print text",
        arguments: [ArgumentSpec(name: "TEXT", kind: .text, isOptional: true, isVariadic: true, summary: "words")],
        options: [], details: "Prints its words separated by single spaces.", examples: ["echo \"bucket: ${bucket}\""],
        actsInAccount: false, recordsHistory: false
    ) { invocation, context in
        let text = invocation.arguments(from: 0).joined(separator: " ")
        TextResult.print([text], invocation: invocation, context: context)
        return nil
    }

    static let source = CommandSpec(
        path: ["source"], summary: "run another script",
        arguments: [
            ArgumentSpec(name: "FILE", kind: .path, summary: "the script, relative to the including script"),
            ArgumentSpec(name: "ARGS", kind: .text, isOptional: true, isVariadic: true, summary: "${1}, ${2}, ..."),
        ],
        options: [],
        details: "Runs FILE's commands in this session. Paths are relative to the script that sources them; "
            + "a file that sources itself, directly or not, is refused.",
        examples: ["source secondary.s3x sec1"], actsInAccount: false, recordsHistory: false
    ) { invocation, context in
        try await ScriptInclusion.run(invocation, context: context)
        return nil
    }

    static let each = CommandSpec(
        path: ["each"], summary: "run a block of commands in several accounts at once",
        arguments: [ArgumentSpec(name: "ALIAS", kind: .text, isVariadic: true, summary: "accounts (aliases)")],
        options: [
            OptionSpec(
                name: "jobs", value: .integer, placeholder: "N", summary: "at most N accounts at once (default 8)"),
            OptionSpec(name: "fail-fast", summary: "stop the other accounts at the first failure"),
            OptionSpec(name: "background", summary: "go on with the next command at once; 'wait' collects it"),
        ],
        details: """
            each ALIAS... [--jobs N] [--fail-fast] [--background] {
              COMMANDS
            }
            runs COMMANDS once per account, up to N accounts at once, in rounds as even as that allows (100 \
            accounts with --jobs 32 run 25 at once, not 32, 32, 32 and then 4); inside, the account is the current one \
            and ${account} holds its alias. Each account's commands run in order; output is grouped per \
            account; a summary table follows. A failure stops only its own account unless --fail-fast is given. \
            With --background the commands after the block run while it does (work that does not depend on \
            it); its output, summary and failures come at the next 'wait', or at the end of the script.
            """,
        examples: ["each sec1 sec2 sec3 --jobs 3 {", "  role create ${role} --trust primary", "}"],
        actsInAccount: false
    ) { _, _ in nil }

    static let wait = CommandSpec(
        path: ["wait"], summary: "wait for the each blocks started with --background",
        arguments: [], options: [],
        details: """
            Waits until every block started with 'each ... --background' has finished, then prints each \
            block's output and summary table, oldest first. Fails when an account of any block failed. \
            The end of a script, of -c commands or of the session waits too.
            """,
        examples: [
            "each sec1 sec2 --background {", "  role create ${role} --trust primary", "}",
            "bucket create ${bucket} --cloudtrail", "wait",
        ],
        actsInAccount: false
    ) { _, context in
        try await EachRunner(interpreter: context.interpreter).waitForBackground()
        return nil
    }

    static let history = HistoryCommand.spec

    static let help = CommandSpec(
        path: ["help"], summary: "list the commands, or explain one",
        arguments: [
            ArgumentSpec(name: "COMMAND", kind: .command, isOptional: true, isVariadic: true, summary: "a command")
        ],
        options: [], details: "", examples: ["help", "help bucket allow-prefix"], actsInAccount: false,
        recordsHistory: false
    ) { invocation, context in
        let words = invocation.arguments(from: 0)
        let lines = try HelpText(table: CommandTable.standard).render(words)
        TextResult.print(lines, invocation: invocation, context: context)
        return nil
    }

    static let exit = CommandSpec(
        path: ["exit"], summary: "leave s3x (or stop the script) with a code",
        arguments: [ArgumentSpec(name: "CODE", kind: .integer, isOptional: true, summary: "exit code (default 0)")],
        options: [], details: "", examples: ["exit", "exit 1"], actsInAccount: false, recordsHistory: false
    ) { invocation, _ in
        let code = invocation.argument(0).flatMap(Int.init) ?? 0
        guard (0...255).contains(code) else {
            throw ShellError.usage(message: "exit code \(code) is out of range", location: nil, hint: "use 0 to 255")
        }
        throw ShellError.exit(Int32(code))
    }
}

/// `set dry-run`, `set output` and plain variables.
enum Settings {
    /// Applies `set NAME VALUE`.
    /// - Throws: `ShellError.usage` for an invalid name or setting value.
    static func apply(name: String, value: String, invocation: Invocation, session: Session) throws(ShellError) {
        let location = invocation.arguments.last?.location ?? invocation.command.location
        switch name {
        case "dry-run":
            guard ["on", "off"].contains(value) else {
                throw .usage(message: "dry-run must be on or off, not '\(value)'", location: location)
            }
            session.isDryRun = value == "on"
        case "output":
            guard let format = OutputFormat(rawValue: value) else {
                throw .usage(message: "output must be text or json, not '\(value)'", location: location)
            }
            session.format = format
        default:
            guard VariableName.isValid(name), !name.contains(".") else {
                throw .usage(
                    message: "'\(name)' is not a variable name (letters, digits, _ and -; not starting with a digit)",
                    location: invocation.arguments.first?.location)
            }
            session.withState { $0.variables[name] = value }
        }
    }
}
