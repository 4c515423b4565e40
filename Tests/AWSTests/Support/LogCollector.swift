import AWS
import Locking

/// Collects every log record as one rendered line, for asserting what a trace contains.
final class LogCollector: Sendable {
    private let lines = Locked<[String]>([])

    /// Every record so far as `level message key=value ...`.
    var all: [String] {
        lines.withLock { $0 }
    }

    /// A logger at `level` whose sink appends to this collector.
    func logger(level: Logger.Level = .trace) -> Logger {
        Logger(level: level) { level, message, metadata in
            let rendered = metadata.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            self.lines.withLock { $0.append("\(level) \(message) \(rendered)") }
        }
    }
}
