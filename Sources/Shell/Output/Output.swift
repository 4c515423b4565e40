import Foundation
import Locking

/// The one place results (stdout) and diagnostics (stderr) are written.
///
/// Colour is used only on a terminal, and never when `NO_COLOR` is set or `TERM` is `dumb`.
/// A buffered copy collects a branch's lines so concurrent accounts print in groups.
final class Output: Sendable {
    /// Where text goes.
    enum Stream: Sendable { case out, err }

    private let writer: @Sendable (Stream, String) -> Void
    /// Whether results may carry colour.
    let colorOut: Bool
    /// Whether diagnostics may carry colour.
    let colorErr: Bool
    /// Whether stderr is a terminal (progress lines are drawn only there).
    let errIsTerminal: Bool

    /// Creates an output over a writer.
    init(colorOut: Bool, colorErr: Bool, errIsTerminal: Bool, writer: @escaping @Sendable (Stream, String) -> Void) {
        self.colorOut = colorOut
        self.colorErr = colorErr
        self.errIsTerminal = errIsTerminal
        self.writer = writer
    }

    /// The process's stdout and stderr, colour decided from the terminal and the environment.
    static func standard(environment: [String: String]) -> Output {
        let colorAllowed = allowsColor(environment: environment)
        let outIsTerminal = isatty(STDOUT_FILENO) == 1
        let errIsTerminal = isatty(STDERR_FILENO) == 1
        let lock = Locked(())
        return Output(
            colorOut: colorAllowed && outIsTerminal, colorErr: colorAllowed && errIsTerminal,
            errIsTerminal: errIsTerminal
        ) { stream, text in
            lock.withLock { _ in
                let handle = stream == .out ? FileHandle.standardOutput : FileHandle.standardError
                handle.write(Data(text.utf8))
            }
        }
    }

    /// Whether the environment allows colour on a terminal: not when `NO_COLOR` is set to anything
    /// but the empty string (no-color.org), nor when `TERM` is `dumb`.
    static func allowsColor(environment: [String: String]) -> Bool {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return !noColor && environment["TERM"] != "dumb"
    }

    /// Writes `text` and a newline to stdout.
    func line(_ text: String) {
        writer(.out, text + "\n")
    }

    /// Writes each of `lines` and a newline to stdout, all in one write: a report or a table is one
    /// system call, not one a line.
    func lines(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        writer(.out, lines.joined(separator: "\n") + "\n")
    }

    /// Writes `text` and a newline to stderr.
    func error(_ text: String) {
        writer(.err, text + "\n")
    }

    /// Writes raw text to a stream (for progress lines that redraw).
    func raw(_ text: String, to stream: Stream) {
        writer(stream, text)
    }

    /// An output that keeps everything until `flush` (for one account's branch of `each`).
    func buffered() -> BufferedOutput {
        BufferedOutput(parent: self)
    }

    /// Wraps `text` in an ANSI style when colour is on for `stream`.
    func styled(_ text: String, _ style: Style, on stream: Stream = .out) -> String {
        let enabled = stream == .out ? colorOut : colorErr
        return enabled ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// ANSI styles s3x uses.
    enum Style: String, Sendable {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"
    }
}

/// Collects a branch's output in order, then writes it to the parent at once.
final class BufferedOutput: Sendable {
    private let parent: Output
    private let pieces: Pieces
    /// The output commands of the branch write to.
    let output: Output

    fileprivate init(parent: Output) {
        self.parent = parent
        let pieces = Pieces()
        self.pieces = pieces
        self.output = Output(
            colorOut: parent.colorOut, colorErr: parent.colorErr, errIsTerminal: false
        ) { stream, text in
            pieces.append(stream, text)
        }
    }

    /// Writes what was collected to the parent, in order, and forgets it. Consecutive pieces for one
    /// stream go out as one text: a branch's report is one write, not one a line (at a hundred
    /// accounts, two thousand fewer system calls).
    func flush() {
        var runs: [(stream: Output.Stream, text: String)] = []
        for (stream, text) in pieces.take() {
            if let last = runs.indices.last, runs[last].stream == stream {
                runs[last].text += text
            } else {
                runs.append((stream, text))
            }
        }
        for run in runs { parent.raw(run.text, to: run.stream) }
    }

    /// The collected text, under a lock.
    private final class Pieces: Sendable {
        private let storage = Locked<[(Output.Stream, String)]>([])

        func append(_ stream: Output.Stream, _ text: String) {
            storage.withLock { $0.append((stream, text)) }
        }

        func take() -> [(Output.Stream, String)] {
            storage.withLock { value in
                defer { value.removeAll() }
                return value
            }
        }
    }
}
