/// One statement of a script: a plain command, or a block of statements under a header command.
///
/// A command whose last word is an unquoted `{` opens a block; a line holding only `}` closes it.
/// The shell decides what a header means (for example `each sec1 sec2 --jobs 4 {`).
public indirect enum Statement: Sendable, Equatable {
    /// A plain command.
    case command(Command)
    /// A block: `header` without its `{`, the statements inside, and the position of the closing `}`.
    case block(header: Command, body: [Statement], end: SourceLocation)

    /// The position of the command, or of the block's header.
    public var location: SourceLocation {
        switch self {
        case .command(let command): command.location
        case .block(let header, _, _): header.location
        }
    }
}
