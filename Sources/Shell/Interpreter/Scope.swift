/// What differs between places commands run: the account they act in by default, local
/// variables (`${account}` inside `each`, script arguments), the script's folder and the chain
/// of `source`d files, and where output goes.
struct Scope: Sendable {
    /// The account commands act in; nil means the session's current account.
    var currentAlias: String?
    /// Variables visible only here, e.g. `account`, `1`, `args`.
    var locals: [String: String] = [:]
    /// The folder of the script running, for relative `source` paths.
    var directory: String
    /// The files being sourced, outermost first (to detect cycles).
    var includeStack: [String] = []
    /// Where results go.
    var output: Output
    /// Whether a failure lets the run go on (`--keep-going`).
    var keepGoing = false
    /// Whether each command is printed before it runs (`--echo`).
    var echo = false
    /// Whether the scope belongs to an interactive prompt (errors print without a caret).
    var isInteractive = false
    /// Whether this run only plans (`--dry-run` given to this command, or an enclosing one).
    var dryRun = false
    /// The `each` block commands here run in, for the history; nil at the top level.
    var block: Int?
}
