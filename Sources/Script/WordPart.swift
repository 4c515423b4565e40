/// One piece of a ``Word``: literal text, or a `${name}` reference the ``Expander`` replaces.
public enum WordPart: Sendable, Equatable {
    /// Text taken as is, after quotes and escapes have been removed.
    case literal(String)
    /// A `${name}` reference; `location` is the position of its `$`.
    case variable(name: String, location: SourceLocation)
}
