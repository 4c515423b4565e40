import Foundation
import LineEditing

/// Tab completion from the command table: commands, verbs, options, aliases, variables, files.
struct Completer: Sendable {
    /// The commands.
    let table: CommandTable
    /// The session, for aliases and variables.
    let session: Session

    /// The candidates for the word before the cursor.
    func candidates(_ context: CompletionContext) -> [String] {
        let before = context.lineBeforeCursor
        let words = before.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let current = context.wordBeforeCursor
        let completed = current.isEmpty ? words : Array(words.dropLast())
        if current.hasPrefix("${") { return variables().map { "${\($0)}" }.filter { $0.hasPrefix(current) } }
        if completed.isEmpty { return table.firstWords.filter { $0.hasPrefix(current) } }
        if completed.count == 1, table.nouns.contains(completed[0]) {
            return table.verbs(of: completed[0]).filter { $0.hasPrefix(current) }
        }
        guard let spec = table.lookup(completed) else { return [] }
        if current.hasPrefix("-") {
            return spec.allOptions.map { "--\($0.name)" }.filter { $0.hasPrefix(current) }
        }
        return values(of: kind(after: completed, spec: spec), prefix: current)
    }

    /// What kind of value the next word is: the previous option's, or the next positional's.
    private func kind(after words: [String], spec: CommandSpec) -> ValueKind {
        if let last = words.last, last.hasPrefix("--"), let option = spec.option(named: String(last.dropFirst(2))),
            let kind = option.value
        {
            return kind
        }
        let positionals = words.dropFirst(spec.path.count).filter { !$0.hasPrefix("--") }.count
        if let argument = spec.arguments.indices.contains(positionals)
            ? spec.arguments[positionals] : spec.arguments.last,
            positionals < spec.arguments.count || argument.isVariadic
        {
            return argument.kind
        }
        return .text
    }

    private func values(of kind: ValueKind, prefix: String) -> [String] {
        switch kind {
        case .alias, .account: session.aliases.sorted().filter { $0.hasPrefix(prefix) }
        case .choice(let choices): choices.filter { $0.hasPrefix(prefix) }
        case .command: table.firstWords.filter { $0.hasPrefix(prefix) }
        case .variable: variables().filter { $0.hasPrefix(prefix) }
        case .path: files(prefix)
        default: []
        }
    }

    private func variables() -> [String] {
        let set = session.withState { Array($0.variables.keys) }
        let fields = session.aliases.flatMap { alias in Variables.accountFields.map { "\(alias).\($0)" } }
        return (set + fields).sorted()
    }

    /// File names starting with `prefix`; folders end in `/`.
    private func files(_ prefix: String) -> [String] {
        let directory = prefix.contains("/") ? String(prefix[...(prefix.lastIndex(of: "/") ?? prefix.startIndex)]) : ""
        let namePrefix = String(prefix.dropFirst(directory.count))
        let listed = directory.isEmpty ? "." : directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: listed) else { return [] }
        return names.filter { $0.hasPrefix(namePrefix) && (!$0.hasPrefix(".") || namePrefix.hasPrefix(".")) }.sorted()
            .map { name in
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(
                    atPath: (listed as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
                return directory + name + (exists && isDirectory.boolValue ? "/" : "")
            }
    }
}
