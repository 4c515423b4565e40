import Locking

@testable import Shell

/// Output captured in memory for the UX tests, with terminal and colour settings chosen by the test.
final class UXCapture: Sendable {
    private let box = Box()
    /// The output commands write to.
    let output: Output

    /// Creates a capture; `terminal` makes both streams behave as a colour terminal.
    init(terminal: Bool = false) {
        let box = self.box
        output = Output(colorOut: terminal, colorErr: terminal, errIsTerminal: terminal) { stream, piece in
            box.text.withLock { value in
                if stream == .out { value.out += piece } else { value.err += piece }
            }
        }
    }

    /// What went to stdout.
    var out: String { box.text.withLock { $0.out } }
    /// What went to stderr.
    var err: String { box.text.withLock { $0.err } }

    /// The captured text, under a lock.
    private final class Box: Sendable {
        let text = Locked((out: "", err: ""))
    }
}
