import Glibc

/// Why the line editor or the interrupt monitor could not be set up.
public enum LineEditingError: Error, Equatable, CustomStringConvertible {
    /// A system call failed; `operation` names it and `code` is its errno.
    case systemCall(operation: String, code: Int32)
    /// libedit refused an operation; it reports no reason beyond failing.
    case libedit(operation: String)

    /// A one-line message for the terminal.
    public var description: String {
        switch self {
        case .systemCall(let operation, let code):
            return "line editing: \(operation) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .libedit(let operation):
            return "line editing: libedit could not \(operation)"
        }
    }
}
