#if canImport(Glibc)
    import Glibc
#endif

/// A failure to start the loopback test server.
public enum LoopbackServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A socket call failed; carries the call's name and `errno`.
    case socketCall(name: String, errno: Int32)

    /// The call and the system's text for its error.
    public var description: String {
        switch self {
        case .socketCall(let name, let code):
            "loopback server: \(name) failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }
}
