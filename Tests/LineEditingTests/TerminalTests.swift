import Foundation
import Testing

@testable import LineEditing

/// Tests that drive a real pseudo-terminal or raise real signals.
///
/// Serialized because signal dispositions and the pending-signal flag are process-wide: a signal
/// raised by one test would wake a reader in another.
@Suite(.serialized, .enabled(if: PseudoTerminal.unavailableReason == nil, "no pseudo-terminal available"))
struct TerminalTests {
    /// A reader on a fresh pty that sees no user editrc.
    static func makeReader(
        _ terminal: PseudoTerminal, environment: [String: String] = [:]
    ) throws -> EditLineReader {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("s3x-home-\(UUID())").path
        var fullEnvironment = ["TERM": "xterm", "HOME": home]
        fullEnvironment.merge(environment) { _, new in new }
        return try EditLineReader(
            programName: "s3x", input: terminal.slave, output: terminal.slave, environment: fullEnvironment)
    }

    /// Types `keys` once the prompt is drawn and editing mode is on; returns what `readLine` gave.
    static func readLine(
        _ reader: EditLineReader, on terminal: PseudoTerminal, prompt: String = "s3x> ", typing keys: [String]
    ) -> LineInput? {
        let session = ReaderSession(reader: reader, terminal: terminal, prompt: prompt)
        guard terminal.waitForScreen(containing: prompt), terminal.waitForEditingMode() else {
            return session.finish(timeout: 0)
        }
        for key in keys {
            terminal.type(key)
            // Separate writes give libedit separate reads, as real key presses would.
            terminal.drain(waiting: 30)
        }
        return session.finish()
    }
}
