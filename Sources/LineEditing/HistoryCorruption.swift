import Glibc

/// Why a history file was judged corrupt.
public enum HistoryCorruption: Error, Equatable, CustomStringConvertible {
    /// Something other than a regular file (a directory, say) sits at the path.
    case notARegularFile
    /// The file exists but cannot be read; `code` is the errno.
    case unreadable(code: Int32)
    /// The file holds bytes that are not UTF-8.
    case invalidUTF8
    /// A line (1-based) holds a backslash escape the format does not define.
    case invalidEscape(line: Int)

    /// What is wrong, as a phrase.
    public var description: String {
        switch self {
        case .notARegularFile: return "it is not a regular file"
        case .unreadable(let code): return "it cannot be read: \(String(cString: strerror(code)))"
        case .invalidUTF8: return "it is not valid UTF-8"
        case .invalidEscape(let line): return "line \(line) has an invalid escape"
        }
    }
}
