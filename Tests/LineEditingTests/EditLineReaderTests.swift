import Foundation
import Testing

@testable import LineEditing

extension TerminalTests {
    @Suite struct EditLineReaderTests {
        @Test func returnsATypedLineAndDrawsThePrompt() throws {
            let terminal = try PseudoTerminal()
            let reader = try TerminalTests.makeReader(terminal)
            let input = TerminalTests.readLine(reader, on: terminal, prompt: "acct> ", typing: ["list buckets\r"])
            #expect(input == .line("list buckets"))
            #expect(terminal.screenText.contains("acct> "))
            #expect(reader.editorMode == "emacs")
        }

        @Test func ctrlAAndCtrlEMoveToTheEndsOfTheLine() throws {
            let terminal = try PseudoTerminal()
            let reader = try TerminalTests.makeReader(terminal)
            let input = TerminalTests.readLine(
                reader, on: terminal, typing: ["ello", "\u{01}", "h", "\u{05}", " world\r"])
            #expect(input == .line("hello world"))
        }

        @Test func tabWithOneCandidateInsertsItAndASpace() throws {
            let terminal = try PseudoTerminal()
            let reader = try TerminalTests.makeReader(terminal)
            let seen = ContextLog()
            reader.completion = { context in
                seen.record(context)
                return context.wordBeforeCursor == "sta" ? ["status"] : []
            }
            let input = TerminalTests.readLine(reader, on: terminal, typing: ["show sta", "\t", "\r"])
            #expect(input == .line("show status "))
            #expect(seen.contexts == [CompletionContext(lineBeforeCursor: "show sta")])
        }

        @Test func tabWithADirectoryCandidateAddsNoSpace() throws {
            let terminal = try PseudoTerminal()
            let reader = try TerminalTests.makeReader(terminal)
            reader.completion = { _ in ["logs/"] }
            let input = TerminalTests.readLine(reader, on: terminal, typing: ["cd lo", "\t", "\r"])
            #expect(input == .line("cd logs/"))
        }

        @Test func tabWithSeveralCandidatesInsertsTheCommonPrefixAndListsThem() throws {
            let terminal = try PseudoTerminal()
            let reader = try TerminalTests.makeReader(terminal)
            reader.completion = { _ in ["account-alias", "account-list"] }
            let input = TerminalTests.readLine(reader, on: terminal, typing: ["ac", "\t", "\r"])
            #expect(input == .line("account-"))
            let screen = terminal.screenText
            #expect(screen.contains("account-alias"))
            #expect(screen.contains("account-list"))
            // The prompt is drawn again below the list.
            let listEnd = try #require(screen.range(of: "account-list"))
            #expect(screen[listEnd.upperBound...].contains("s3x> "))
        }

        @Test func ctrlCAbandonsTheLineAndTheNextReadWorks() throws {
            let terminal = try PseudoTerminal()
            let reader = try TerminalTests.makeReader(terminal)
            #expect(TerminalTests.readLine(reader, on: terminal, typing: ["half typed", "\u{03}"]) == .interrupted)
            #expect(terminal.screenText.contains("^C"))
            #expect(TerminalTests.readLine(reader, on: terminal, typing: ["next\r"]) == .line("next"))
        }

        @Test func ctrlDOnAnEmptyLineEndsInput() throws {
            let terminal = try PseudoTerminal()
            let reader = try TerminalTests.makeReader(terminal)
            #expect(TerminalTests.readLine(reader, on: terminal, typing: ["\u{04}"]) == .endOfFile)
        }

        @Test func upArrowRecallsHistoryButNotSpacePrefixedLines() throws {
            let terminal = try PseudoTerminal()
            let reader = try TerminalTests.makeReader(terminal)
            reader.addHistoryEntry("first")
            reader.addHistoryEntry(" secret")
            #expect(TerminalTests.readLine(reader, on: terminal, typing: ["\u{10}", "\r"]) == .line("first"))
        }

        @Test func editrcWithBindVSwitchesToViKeys() throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("s3x-editrc-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let editrc = directory.appendingPathComponent("editrc")
            try "bind -v\n".write(to: editrc, atomically: true, encoding: .utf8)

            let terminal = try PseudoTerminal()
            let reader = try TerminalTests.makeReader(terminal, environment: ["EDITRC": editrc.path])
            #expect(reader.editorMode == "vi")
            // Escape to command mode, `0` to the start, `i` to insert: only vi keys give "Xhello".
            let input = TerminalTests.readLine(reader, on: terminal, typing: ["hello", "\u{1B}", "0", "i", "X", "\r"])
            #expect(input == .line("Xhello"))
        }
    }
}

/// Collects the contexts a completion function was called with, from libedit's thread.
final class ContextLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [CompletionContext] = []

    func record(_ context: CompletionContext) {
        lock.withLock { stored.append(context) }
    }

    var contexts: [CompletionContext] { lock.withLock { stored } }
}
