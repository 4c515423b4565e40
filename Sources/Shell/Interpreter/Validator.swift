import Foundation
import Script

/// Checks a whole script before its first command runs: every command known, every option
/// known and well typed, required values present, every variable and alias defined by the time
/// it is used. Values only known at run time (an account id) are checked when the command runs.
struct Validator {
    /// The interpreter whose session and table are checked against.
    let interpreter: Interpreter
    /// The scope the script will run in.
    var scope: Scope
    /// Aliases defined so far (the session's, plus `account add` and `role assume --as` above).
    private var aliases: Set<String>
    /// Variables defined so far, with their value when known before running.
    private var variables: [String: String?]

    /// The byte of ``unknown``.
    private static let unknownByte: UInt8 = 0x01
    /// A marker for values known only at run time; words holding it skip type checks.
    static let unknown = String(UnicodeScalar(unknownByte))

    /// Whether `text` holds no ``unknown`` marker (a byte scan: Foundation's `contains` would bridge
    /// every word to an `NSString`).
    static func isKnown(_ text: String) -> Bool {
        !text.utf8.contains(unknownByte)
    }

    /// Starts from the session's current state.
    init(interpreter: Interpreter, scope: Scope) {
        self.interpreter = interpreter
        self.scope = scope
        self.aliases = interpreter.session.aliases
        self.variables = [:]
    }

    /// Checks `statements` of `source`.
    /// - Throws: the first `ShellError.usage` found.
    mutating func check(_ statements: [Statement], source: Source) throws(ShellError) {
        for statement in statements {
            switch statement {
            case .command(let command):
                try check(command, source: source)
            case .block(let header, let body, _):
                let invocation = try bind(header)
                guard invocation.spec.name == "each" else {
                    throw .usage(message: "only 'each' takes a block", location: header.location)
                }
                let saved = variables
                variables["account"] = .some(nil)
                try check(body, source: source)
                variables = saved
            }
        }
    }

    private mutating func check(_ command: Command, source: Source) throws(ShellError) {
        let invocation = try bind(command)
        let known = Validator.isKnown
        switch invocation.spec.name {
        case "set":
            if let name = invocation.argument(0) {
                let value = invocation.arguments(from: 1).joined(separator: " ")
                variables[name] = known(value) ? value : .some(nil)
            }
        case "account add":
            if let alias = invocation.argument(0), known(alias) { aliases.insert(alias) }
        case "role assume":
            try RoleCommands.checkPairing(invocation)
            aliases.formUnion(invocation.values("as").filter(known))
        case "account remove":
            if let alias = invocation.argument(0) { aliases.remove(alias) }
        case "each":
            throw .usage(message: "each needs a block: each ALIAS... {", location: command.location)
        case "source":
            if let path = invocation.argument(0), known(path) {
                let location = invocation.arguments.first?.location ?? command.location
                try checkSourced(path, arguments: invocation.arguments(from: 1), at: location)
            }
        default:
            break
        }
    }

    private mutating func checkSourced(
        _ path: String, arguments: [String], at location: Script.SourceLocation
    ) throws(ShellError) {
        let resolved = SourceFiles.resolve(path, relativeTo: scope.directory)
        if scope.includeStack.contains(resolved) {
            throw SourceFiles.cycle(scope.includeStack, closedBy: resolved, at: location)
        }
        let source = try SourceFiles.load(resolved, at: location)
        let statements: [Statement]
        do {
            statements = try Parser.parse(source)
        } catch {
            throw .syntax(error)
        }
        let saved = scope
        scope.directory = (resolved as NSString).deletingLastPathComponent
        scope.includeStack.append(resolved)
        for (index, value) in arguments.enumerated() { scope.locals["\(index + 1)"] = value }
        scope.locals["args"] = arguments.joined(separator: " ")
        try check(statements, source: source)
        scope = saved
    }

    private func bind(_ command: Command) throws(ShellError) -> Invocation {
        let session = interpreter.session
        let scope = self.scope
        let variables = self.variables
        let aliases = self.aliases
        let expander = Expander { name in
            if let defined = variables[name] { return defined ?? Validator.unknown }
            if let value = Variables.value(of: name, scope: scope, session: session) { return value }
            if let dot = name.firstIndex(of: "."), aliases.contains(String(name[..<dot])),
                Variables.accountFields.contains(String(name[name.index(after: dot)...]))
            {
                return Validator.unknown
            }
            return nil
        }
        var words: [BoundValue] = []
        for word in command.words {
            do {
                words.append(BoundValue(text: try expander.expand(word), location: word.location))
            } catch {
                guard case .unknownVariable(let name) = error.kind else { throw .syntax(error) }
                throw .usage(
                    message: "unknown variable '\(name)'", location: error.location,
                    hint: "set it first (set \(name) VALUE), or use ${env.NAME} for the environment")
            }
        }
        // Words known only at run time are checked then; everything else now.
        let checked = words.filter { Validator.isKnown($0.text) }
        let binder = ArgumentBinder(table: interpreter.table, knownAliases: aliases)
        if checked.count == words.count { return try binder.bind(words, command: command) }
        let lenient = ArgumentBinder(table: interpreter.table, knownAliases: nil)
        return try lenient.bind(words, command: command)
    }
}

/// Finding and reading `source`d script files.
enum SourceFiles {
    /// `path` made absolute against `directory` (the including script's folder).
    static func resolve(_ path: String, relativeTo directory: String) -> String {
        let absolute = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        return (absolute as NSString).standardizingPath
    }

    /// The error for a `source` at `location` that would run `resolved` again while it runs.
    static func cycle(_ stack: [String], closedBy resolved: String, at location: Script.SourceLocation?) -> ShellError {
        let chain = (stack + [resolved]).map { ($0 as NSString).lastPathComponent }
        return .usage(
            message: "scripts source each other in a loop: \(chain.joined(separator: " -> "))", location: location)
    }

    /// The script `location` points into: `source` itself, or the sourced file it names.
    static func source(containing location: Script.SourceLocation?, default source: Source) -> Source {
        guard let file = location?.file, file != source.name, file.hasPrefix("/") else { return source }
        return (try? load(file, at: nil)) ?? source
    }

    /// Reads the script at `path`.
    /// - Throws: `ShellError.usage` pointing at the `source` command when it cannot be read.
    static func load(_ path: String, at location: Script.SourceLocation?) throws(ShellError) -> Source {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .usage(message: "cannot read script '\(path)'", location: location)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .usage(message: "script '\(path)' is not UTF-8 text", location: location)
        }
        return Source(name: path, text: text)
    }
}
