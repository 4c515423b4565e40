/// Every command of the language, in the order `help` lists them.
struct CommandTable: Sendable {
    /// The commands.
    let commands: [CommandSpec]

    /// The table s3x ships.
    static let standard = CommandTable(
        commands: AccountCommands.all + RoleCommands.all + ResourceCommands.all + BuiltinCommands.all)

    /// The command whose path starts `words` (the longest match; the first of equals).
    ///
    /// One pass that copies nothing: every command of a script is looked up when it is checked and
    /// again when it runs, and filtering copies of the specs cost 30,000 instructions a lookup.
    func lookup(_ words: [String]) -> CommandSpec? {
        var best: CommandSpec?
        for spec in commands where spec.path.count > (best?.path.count ?? 0) && words.starts(with: spec.path) {
            best = spec
        }
        return best
    }

    /// The command named exactly `name` (e.g. `bucket create`).
    func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    /// First words that take a verb (`account`, `bucket`, ...).
    var nouns: Set<String> {
        Set(commands.filter { $0.path.count > 1 }.map { $0.path[0] })
    }

    /// Every first word.
    var firstWords: [String] {
        var seen: [String] = []
        for spec in commands where !seen.contains(spec.path[0]) { seen.append(spec.path[0]) }
        return seen
    }

    /// The verbs of `noun`.
    func verbs(of noun: String) -> [String] {
        commands.filter { $0.path.count > 1 && $0.path[0] == noun }.map { $0.path[1] }
    }
}
