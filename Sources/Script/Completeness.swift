/// Whether typed input is a whole script, the start of one, or wrong whatever follows.
public enum Completeness: Sendable, Equatable {
    /// The input parses: the REPL can run it.
    case complete([Statement])
    /// The input is valid so far but ends inside a quote, block or continuation: ask for another line.
    case incomplete(ScriptError)
    /// The input has an error no further line can fix: report it.
    case invalid(ScriptError)
}

extension Parser {
    /// Tells the REPL whether `text` (the lines typed so far, joined by `\n`) is complete.
    public static func completeness(of text: String, name: String = "<stdin>") -> Completeness {
        do throws(ScriptError) {
            return .complete(try parse(Source(name: name, text: text)))
        } catch {
            return error.isIncomplete ? .incomplete(error) : .invalid(error)
        }
    }
}
