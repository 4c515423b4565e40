import Glibc

/// Why the history file could not be located or written.
public enum HistoryFileError: Error, Equatable, CustomStringConvertible {
    /// None of `S3X_HISTORY`, `XDG_STATE_HOME` or `HOME` is set.
    case noLocation
    /// A system call on `path` failed with errno `code`.
    case systemCall(operation: String, path: String, code: Int32)

    /// A one-line message for the terminal.
    public var description: String {
        switch self {
        case .noLocation:
            return "history: no place for the history file: set S3X_HISTORY, XDG_STATE_HOME or HOME"
        case .systemCall(let operation, let path, let code):
            return "history: \(operation) \(path) failed: \(String(cString: strerror(code)))"
        }
    }
}
