/// A problem found while loading history, for the shell to show once; loading itself went on.
public struct HistoryWarning: Sendable, Equatable, CustomStringConvertible {
    /// The history file that was corrupt.
    public var path: String
    /// What was wrong with it.
    public var problem: HistoryCorruption
    /// Where the file was moved; `nil` if moving it failed too.
    public var movedTo: String?

    /// A one-line message for the terminal.
    public var description: String {
        if let movedTo {
            return "warning: history file \(path) was set aside because \(problem); it is now \(movedTo)"
        }
        return "warning: history file \(path) is unusable because \(problem), and could not be moved aside"
    }
}
