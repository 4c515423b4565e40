import Foundation
import Glibc
import Testing

@testable import LineEditing

extension TerminalTests {
    /// Raises real signals at the test process, with the monitor installed so they cannot kill it.
    @Suite struct InterruptMonitorTests {
        @Test func sigintSetsTheFlagAndCallsHandlersWithoutKillingTheProcess() throws {
            let monitor = InterruptMonitor.shared
            try monitor.install()
            defer { monitor.uninstall() }
            monitor.clear()
            let called = DispatchSemaphore(value: 0)
            let token = monitor.onInterrupt { signal in
                if signal == .interrupt { called.signal() }
            }
            defer { monitor.removeHandler(token) }

            kill(getpid(), SIGINT)

            #expect(called.wait(timeout: .now() + 5) == .success)
            #expect(monitor.isInterrupted)
            #expect(monitor.lastSignal == .interrupt)
            monitor.clear()
            #expect(!monitor.isInterrupted)
            #expect(monitor.lastSignal == nil)
        }

        @Test func sigtermIsRecordedAsTerminate() throws {
            let monitor = InterruptMonitor.shared
            try monitor.install()
            defer { monitor.uninstall() }
            monitor.clear()
            let called = DispatchSemaphore(value: 0)
            let token = monitor.onInterrupt { signal in
                if signal == .terminate { called.signal() }
            }
            defer { monitor.removeHandler(token) }

            kill(getpid(), SIGTERM)

            #expect(called.wait(timeout: .now() + 5) == .success)
            #expect(monitor.lastSignal == .terminate)
            monitor.clear()
        }

        @Test func aSignalWhileWaitingForInputInterruptsTheReader() throws {
            let monitor = InterruptMonitor.shared
            try monitor.install()
            defer { monitor.uninstall() }
            monitor.clear()
            let terminal = try PseudoTerminal()
            let reader = try TerminalTests.makeReader(terminal)

            let session = ReaderSession(reader: reader, terminal: terminal, prompt: "s3x> ")
            #expect(terminal.waitForScreen(containing: "s3x> ") && terminal.waitForEditingMode())
            terminal.type("abc")
            terminal.drain(waiting: 50)
            kill(getpid(), SIGINT)

            #expect(session.finish() == .interrupted)
            #expect(monitor.lastSignal == .interrupt)
            monitor.clear()
        }

        @Test func aSignalDuringACommandDoesNotEndTheNextLine() throws {
            let monitor = InterruptMonitor.shared
            try monitor.install()
            defer { monitor.uninstall() }
            let terminal = try PseudoTerminal()
            let reader = try TerminalTests.makeReader(terminal)

            // Raised before readLine starts, as if Ctrl-C stopped the previous command.
            kill(getpid(), SIGINT)
            Thread.sleep(forTimeInterval: 0.1)

            #expect(TerminalTests.readLine(reader, on: terminal, typing: ["fresh\r"]) == .line("fresh"))
            monitor.clear()
        }
    }
}
