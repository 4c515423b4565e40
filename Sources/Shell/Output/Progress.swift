import Locking

/// A one-line progress count for multi-account runs, drawn on stderr only when it is a terminal.
final class Progress: Sendable {
    private let output: Output
    private let total: Int
    private let counts = Locked((done: 0, failed: 0))

    /// Starts counting `total` accounts.
    init(output: Output, total: Int) {
        self.output = output
        self.total = total
        draw(done: 0, failed: 0)
    }

    /// Counts one finished account.
    func record(succeeded: Bool) {
        let now = counts.withLock { value in
            value.done += 1
            if !succeeded { value.failed += 1 }
            return value
        }
        draw(done: now.done, failed: now.failed)
    }

    /// Clears the line (before other output, and at the end).
    func clear() {
        guard output.errIsTerminal else { return }
        output.raw("\r\u{1B}[K", to: .err)
    }

    /// Clears the line for good.
    func finish() {
        clear()
    }

    private func draw(done: Int, failed: Int) {
        guard output.errIsTerminal else { return }
        let failures = failed > 0 ? ", \(failed) failed" : ""
        output.raw("\r\u{1B}[K[\(done)/\(total) accounts done, \(total - done) left\(failures)]", to: .err)
    }
}
