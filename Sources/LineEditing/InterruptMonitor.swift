internal import CLibEditShims
import Foundation
import Locking

/// Identifies a handler registered with ``InterruptMonitor/onInterrupt(_:)``.
public struct InterruptHandlerToken: Hashable, Sendable {
    fileprivate let value: UInt64
}

/// Catches SIGINT and SIGTERM for the whole process so Ctrl-C stops the running work, not the shell.
///
/// The signal handler itself (in the C shim) only records the signal and writes to wake-up pipes.
/// Handlers registered with ``onInterrupt(_:)`` run later on a dedicated watcher thread, where they
/// may do anything, such as cancelling a task. While ``EditLineReader`` waits for input a signal
/// makes it return ``LineInput/interrupted``.
public final class InterruptMonitor: Sendable {
    /// The process-wide monitor: signal dispositions are process-wide too.
    public static let shared = InterruptMonitor()

    private struct State {
        var handlers: [UInt64: @Sendable (InterruptSignal) -> Void] = [:]
        var nextToken: UInt64 = 0
        var watcher: WakePipe?
    }

    private let state = Locked(State())

    private init() {}

    /// Installs the SIGINT and SIGTERM handlers; calling it again does nothing.
    /// - Throws: ``LineEditingError/systemCall(operation:code:)`` when `sigaction` or the watcher's
    ///   pipe fails.
    public func install() throws(LineEditingError) {
        try startWatcher()
        for signal in [SIGINT, SIGTERM] where s3x_signal_install(signal) != 0 {
            throw .systemCall(operation: "sigaction(\(signal))", code: errno)
        }
    }

    /// Restores the dispositions that were in place before ``install()``; mainly for tests.
    public func uninstall() {
        for signal in [SIGINT, SIGTERM] {
            _ = s3x_signal_restore(signal)
        }
    }

    /// Whether a signal arrived since the last ``clear()``.
    public var isInterrupted: Bool { s3x_signal_last() != 0 }

    /// The most recent signal since the last ``clear()``, if any.
    public var lastSignal: InterruptSignal? { InterruptSignal(number: s3x_signal_last()) }

    /// Forgets the last signal, typically before the shell runs the next command.
    public func clear() {
        s3x_signal_clear()
    }

    /// Registers `handler` to run on the watcher thread after each signal.
    @discardableResult
    public func onInterrupt(_ handler: @escaping @Sendable (InterruptSignal) -> Void) -> InterruptHandlerToken {
        state.withLock { state in
            state.nextToken += 1
            state.handlers[state.nextToken] = handler
            return InterruptHandlerToken(value: state.nextToken)
        }
    }

    /// Unregisters a handler added with ``onInterrupt(_:)``.
    public func removeHandler(_ token: InterruptHandlerToken) {
        _ = state.withLock { $0.handlers.removeValue(forKey: token.value) }
    }

    /// Starts the thread that turns wake-ups into handler calls, once per process.
    private func startWatcher() throws(LineEditingError) {
        let pipe: WakePipe? = try state.withLock { (state) throws(LineEditingError) -> WakePipe? in
            guard state.watcher == nil else { return nil }
            let pipe = try WakePipe()
            state.watcher = pipe
            return pipe
        }
        guard let pipe else { return }
        let thread = Thread { [self] in
            while true {
                if let number = pipe.waitForSignal(), let signal = InterruptSignal(number: number) {
                    notifyHandlers(signal)
                }
            }
        }
        thread.name = "s3x.interrupt-monitor"
        thread.start()
    }

    /// Calls every registered handler with `signal`, outside the lock.
    private func notifyHandlers(_ signal: InterruptSignal) {
        let handlers = state.withLock { Array($0.handlers.values) }
        for handler in handlers {
            handler(signal)
        }
    }
}
