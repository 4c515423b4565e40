/// A small structured logger: constant messages, values as metadata, no-op by default.
///
/// Library code logs at `trace` and `debug` only; the shell decides where lines go.
public struct Logger: Sendable {
    /// Severity, lowest first.
    public enum Level: Int, Sendable, Comparable {
        case trace, debug, info, warning, error

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Where log records go.
    public typealias Sink = @Sendable (_ level: Level, _ message: String, _ metadata: [(String, String)]) -> Void

    /// The lowest level emitted.
    public var level: Level
    private let sink: Sink?

    /// A logger that emits records at `level` and above to `sink`.
    public init(level: Level, sink: @escaping Sink) {
        self.level = level
        self.sink = sink
    }

    /// A logger that drops everything.
    public static let none = Logger()

    private init() {
        self.level = .error
        self.sink = nil
    }

    /// Whether a record at `level` would be emitted (to skip building expensive metadata).
    public func isEnabled(_ level: Level) -> Bool {
        sink != nil && level >= self.level
    }

    /// Emits a record. Metadata values must already be free of secrets.
    public func log(_ level: Level, _ message: String, _ metadata: [(String, String)] = []) {
        guard let sink, level >= self.level else { return }
        sink(level, message, metadata)
    }

    /// Emits at trace level.
    public func trace(_ message: String, _ metadata: [(String, String)] = []) {
        log(.trace, message, metadata)
    }

    /// Emits at debug level.
    public func debug(_ message: String, _ metadata: [(String, String)] = []) {
        log(.debug, message, metadata)
    }
}
