/// Replaces the `${name}` parts of words with values from a resolver the shell supplies.
///
/// A variable always expands into part of exactly one word: values are not split on blanks and are
/// never read as quotes, so a value holding spaces or `$` arrives unchanged.
public struct Expander: Sendable {
    private let resolve: @Sendable (String) -> String?

    /// Creates an expander; `resolve` returns a variable's value, or nil when no such variable exists.
    public init(resolve: @escaping @Sendable (String) -> String?) {
        self.resolve = resolve
    }

    /// The word's text with every variable replaced by its value.
    ///
    /// - Throws: ``ScriptError/Kind/unknownVariable(_:)`` at the `$` of the first variable `resolve`
    ///   does not know. The error has no source line; add one with ``ScriptError/attachingLine(from:)``.
    public func expand(_ word: Word) throws(ScriptError) -> String {
        var result = ""
        for part in word.parts {
            switch part {
            case .literal(let text):
                result += text
            case .variable(let name, let location):
                guard let value = resolve(name) else {
                    throw ScriptError(kind: .unknownVariable(name), location: location)
                }
                result += value
            }
        }
        return result
    }

    /// The command's words, each expanded; the result has one string per word.
    ///
    /// - Throws: ``ScriptError/Kind/unknownVariable(_:)`` for the first unknown variable.
    public func expand(_ command: Command) throws(ScriptError) -> [String] {
        var arguments: [String] = []
        for word in command.words {
            arguments.append(try expand(word))
        }
        return arguments
    }
}
