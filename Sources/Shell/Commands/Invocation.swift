import Script

/// A command's words bound to its spec: positional values and options, each with its location.
struct Invocation: Sendable {
    /// The command.
    var spec: CommandSpec
    /// The whole command as parsed (text as typed, location).
    var command: Command
    /// Positional values in order.
    var arguments: [BoundValue]
    /// Option values by name; a flag maps to an empty list.
    var options: [String: [BoundValue]]

    /// Whether the flag `name` was given.
    func flag(_ name: String) -> Bool {
        options[name] != nil
    }

    /// The single value of option `name`, if given.
    func value(_ name: String) -> String? {
        options[name]?.last?.text
    }

    /// Every value of list option `name`.
    func values(_ name: String) -> [String] {
        options[name]?.map(\.text) ?? []
    }

    /// The positional value at `index`.
    func argument(_ index: Int) -> String? {
        arguments.indices.contains(index) ? arguments[index].text : nil
    }

    /// The positional values from `index` on.
    func arguments(from index: Int) -> [String] {
        arguments.dropFirst(index).map(\.text)
    }
}

/// One expanded word with where it was written.
struct BoundValue: Sendable, Equatable {
    /// The value after expansion.
    var text: String
    /// Where the word starts.
    var location: Script.SourceLocation
}
