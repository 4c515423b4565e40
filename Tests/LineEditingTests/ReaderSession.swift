import Foundation
import Locking

@testable import LineEditing

/// Runs one `readLine` on a background thread while the test types, with a bounded wait.
final class ReaderSession: @unchecked Sendable {
    private let reader: EditLineReader
    private let terminal: PseudoTerminal
    private let result = Locked<LineInput?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts reading a line with `prompt` on `terminal`.
    init(reader: EditLineReader, terminal: PseudoTerminal, prompt: String) {
        self.reader = reader
        self.terminal = terminal
        Thread { [self] in
            let input = self.reader.readLine(prompt: prompt)
            result.withLock { $0 = input }
            finished.signal()
        }.start()
    }

    /// Waits up to `timeout` seconds for the line, draining the screen meanwhile; `nil` on timeout.
    func finish(timeout: Double = 5) -> LineInput? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            terminal.drain(waiting: 10)
            if finished.wait(timeout: .now()) == .success {
                return result.withLock { $0 }
            }
        }
        // Unblock the thread so it cannot outlive the test holding the reader.
        terminal.closeMaster()
        _ = finished.wait(timeout: .now() + 2)
        return nil
    }
}
