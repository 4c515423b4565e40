import CrossAccount

/// One command of the language: its words, arguments, options, help text and action.
///
/// The command table is the single source for dispatch, checking, `help`, completion and the
/// generated reference in docs/commands.md.
struct CommandSpec: Sendable {
    /// The command words, e.g. `["bucket", "create"]` or `["echo"]`.
    var path: [String]
    /// One line for `help`'s list.
    var summary: String
    /// Positional arguments, in order.
    var arguments: [ArgumentSpec]
    /// Options, without the `--`.
    var options: [OptionSpec]
    /// Paragraphs for `help COMMAND`.
    var details: String
    /// Example lines for `help COMMAND`.
    var examples: [String]
    /// Whether the command acts in an account (and so takes `--in ALIAS`).
    var actsInAccount: Bool
    /// Whether running it is recorded in the history (not for `help`, `history`, ...).
    var recordsHistory = true
    /// Whether the words after its own options are another command's, passed on unbound (`explain`).
    var takesCommandLine = false
    /// Runs the command.
    var run: @Sendable (Invocation, CommandContext) async throws -> Report?

    /// The command's name as typed, e.g. `bucket create`.
    var name: String { path.joined(separator: " ") }

    /// The usage line, e.g. `bucket create NAME [--cloudtrail]`.
    var usage: String {
        var parts = [name]
        for argument in arguments {
            let label = argument.isVariadic ? "\(argument.name)..." : argument.name
            parts.append(argument.isOptional ? "[\(label)]" : label)
        }
        for option in options where !option.isHidden {
            parts.append(option.isRequired ? option.usage : "[\(option.usage)]")
        }
        return parts.joined(separator: " ")
    }

    /// The option named `name`, including the shared `--in` and `--output`.
    func option(named name: String) -> OptionSpec? {
        allOptions.first { $0.name == name }
    }

    /// The command's own options plus the shared ones it accepts.
    var allOptions: [OptionSpec] {
        var result = options
        if actsInAccount { result.append(.inAccount) }
        result.append(.output)
        result.append(.dryRun)
        return result
    }
}

/// A positional argument.
struct ArgumentSpec: Sendable {
    /// Upper-case placeholder, e.g. `BUCKET`.
    var name: String
    /// What values it takes (for checking and completion).
    var kind: ValueKind
    /// Whether it may be left out.
    var isOptional: Bool = false
    /// Whether it takes every remaining word (at least one unless optional).
    var isVariadic: Bool = false
    /// One line for `help COMMAND`.
    var summary: String
}

/// An option, written `--name`, `--name VALUE` or `--name=VALUE`.
struct OptionSpec: Sendable {
    /// The name without dashes.
    var name: String
    /// Whether it takes a value, and of what kind.
    var value: ValueKind?
    /// Whether it takes every following word up to the next option (e.g. `--assume-into a b c`).
    var isList: Bool = false
    /// Whether it must be given.
    var isRequired: Bool = false
    /// Hidden from usage lines (shared options are listed once in `help`).
    var isHidden: Bool = false
    /// The placeholder in usage, e.g. `ALIAS`.
    var placeholder: String = "VALUE"
    /// One line for `help COMMAND`.
    var summary: String

    /// `--name PLACEHOLDER` or `--name`.
    var usage: String {
        guard value != nil else { return "--\(name)" }
        return isList ? "--\(name) \(placeholder)..." : "--\(name) \(placeholder)"
    }

    /// `--in ALIAS`: act in another account than the current one.
    static let inAccount = OptionSpec(
        name: "in", value: .alias, isHidden: true, placeholder: "ALIAS",
        summary: "act in the account ALIAS instead of the current one")
    /// `--output text|json` for one command.
    static let output = OptionSpec(
        name: "output", value: .choice(["text", "json"]), isHidden: true, placeholder: "FORMAT",
        summary: "print this command's result as text or json")
    /// `--dry-run` for one command.
    static let dryRun = OptionSpec(
        name: "dry-run", isHidden: true, summary: "read the state and print what would change; change nothing")
}

/// The kinds of values arguments and options take.
enum ValueKind: Sendable, Equatable {
    /// Free text.
    case text
    /// An account alias known to the session.
    case alias
    /// A new alias (not yet known).
    case newAlias
    /// An account: an alias or a 12-digit id.
    case account
    /// A file path (completed from the file system).
    case path
    /// A whole number.
    case integer
    /// A duration such as `1h`, `45m`, `900s` or `900`.
    case duration
    /// One of fixed words.
    case choice([String])
    /// A command name (for `help`).
    case command
    /// A variable name.
    case variable
}
