/// The entries read from a history file, and what went wrong if it had to be set aside.
public struct HistoryLoadResult: Sendable, Equatable {
    /// The entries, oldest first.
    public var entries: [String]
    /// Set when the file was corrupt or unreadable.
    public var warning: HistoryWarning?

    /// Creates a result.
    public init(entries: [String], warning: HistoryWarning? = nil) {
        self.entries = entries
        self.warning = warning
    }
}
