/// A syntax or expansion error in a script, with the location it points at.
///
/// The message is derived from ``kind`` so the two never disagree. When the parser raises the error it
/// also records the offending line, so ``description`` shows it with a caret; errors raised by the
/// ``Expander`` get their line from ``attachingLine(from:)``. No case ever carries a variable's value,
/// so a secret held in a variable cannot leak into an error.
public struct ScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var kind: Kind
    /// Where it went wrong: for a quote, block or variable, the position of its opening character.
    public var location: SourceLocation
    /// The source line ``location`` points into, when known.
    public var sourceLine: String?

    /// Creates an error; `sourceLine` is the line `location` points into, if the caller has it.
    public init(kind: Kind, location: SourceLocation, sourceLine: String? = nil) {
        self.kind = kind
        self.location = location
        self.sourceLine = sourceLine
    }

    /// The one-line message, without location.
    public var message: String {
        kind.message
    }

    /// True when more input could complete the script: an open quote, a trailing backslash or an open
    /// block. The REPL then asks for a continuation line instead of reporting the error.
    public var isIncomplete: Bool {
        kind.isIncomplete
    }

    /// The error as a ``Diagnostic`` of severity `error`, quoting ``sourceLine`` when known.
    public var diagnostic: Diagnostic {
        Diagnostic(location: location, message: message, sourceLine: sourceLine)
    }

    /// The error rendered without colour, quoting ``sourceLine`` when known.
    public var description: String {
        diagnostic.render(color: false)
    }

    /// The error rendered without colour, quoting `sourceLine` under the header.
    public func rendered(sourceLine: String) -> String {
        Diagnostic(location: location, message: message, sourceLine: sourceLine).render(color: false)
    }

    /// A copy of the error that quotes its line from `source`, for errors raised without the source at hand.
    public func attachingLine(from source: Source) -> ScriptError {
        var copy = self
        copy.sourceLine = source.line(location.line)
        return copy
    }
}
