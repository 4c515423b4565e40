/// Help drawn from the command table: the list of commands, or one command in full.
struct HelpText {
    /// The commands.
    var table: CommandTable

    /// The lines of `help` followed by `words`.
    /// - Throws: `ShellError.usage` for an unknown command.
    func render(_ words: [String]) throws(ShellError) -> [String] {
        if words.isEmpty { return overview() }
        if let spec = table.command(named: words.joined(separator: " ")) { return detail(spec) }
        if words.count == 1, table.nouns.contains(words[0]) {
            return table.commands.filter { $0.path.first == words[0] && $0.path.count > 1 }.flatMap {
                [$0.usage, "    \($0.summary)"]
            }
        }
        let hint = Suggestion.closest(to: words.joined(separator: " "), among: table.commands.map(\.name))
            .map { "did you mean: help \($0)?" }
        throw .usage(
            message: "no command '\(words.joined(separator: " "))'", location: nil, hint: hint ?? "type 'help'")
    }

    /// Every command with its summary, then the shared options and the language in brief.
    func overview() -> [String] {
        let width = (table.commands.map(\.name.count).max() ?? 0) + 2
        var lines = ["s3x sets up and checks cross-account S3 scanning. Commands:", ""]
        for spec in table.commands {
            lines.append("  " + spec.name + String(repeating: " ", count: width - spec.name.count) + spec.summary)
        }
        lines += [
            "",
            "Options every resource command takes:",
            "  --in ALIAS        act in the account ALIAS instead of the current one",
            "  --dry-run         read the state and print what would change; change nothing",
            "  --output FORMAT   text (default) or json",
            "",
            "Language: words separated by blanks; # comments; 'single' quotes are literal; \"double\" quotes and",
            "bare words expand ${NAME}, ${ALIAS.id}, ${env.NAME}; a trailing \\ continues the line; ; separates",
            "commands. Type 'help COMMAND' for one command, e.g. help bucket allow-prefix.",
        ]
        return lines
    }

    /// One command in full: usage, summary, arguments, options, details, examples.
    func detail(_ spec: CommandSpec) -> [String] {
        var lines = ["usage: \(spec.usage)", "", spec.summary]
        if !spec.arguments.isEmpty {
            lines += ["", "Arguments:"]
            lines += spec.arguments.map {
                "  \($0.name.padding(toLength: 18, withPad: " ", startingAt: 0)) \($0.summary)"
            }
        }
        let options = spec.options + (spec.actsInAccount ? [OptionSpec.inAccount] : []) + [.dryRun, .output]
        lines += ["", "Options:"]
        lines += options.map { "  \($0.usage.padding(toLength: 26, withPad: " ", startingAt: 0)) \($0.summary)" }
        if !spec.details.isEmpty { lines += [""] + spec.details.split(separator: "\n").map(String.init) }
        if !spec.examples.isEmpty { lines += ["", "Examples:"] + spec.examples.map { "  \($0)" } }
        return lines
    }
}
