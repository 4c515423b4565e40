import Locking

/// Holds loopback-server replies until the test opens it, so a test can see how many requests are in
/// flight at once, or act while they are.
final class ReplyGate: Sendable {
    /// Whether the gate is open, and the handlers waiting while it is shut.
    private struct State {
        var isOpen = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The state.
    private let state = Locked(State())

    /// Returns once the gate is open.
    func wait() async {
        await withCheckedContinuation { continuation in
            let isOpen = state.withLock { state in
                if !state.isOpen {
                    state.waiters.append(continuation)
                }
                return state.isOpen
            }
            if isOpen {
                continuation.resume()
            }
        }
    }

    /// Opens the gate, releasing every waiting handler; opening it again does nothing.
    func open() {
        let waiters = state.withLock { state in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }

    /// Opens the gate after `delay` unless the returned task is cancelled first: a test whose
    /// transfers should end without the gate then fails instead of hanging.
    func open(after delay: Duration) -> Task<Void, Never> {
        Task { [self] in
            if (try? await Task.sleep(for: delay)) != nil {
                open()
            }
        }
    }
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes; returns whether it held.
func waitUntil(timeout: Duration = .seconds(60), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline, (try? await Task.sleep(for: .milliseconds(10))) != nil else {
            return false
        }
    }
    return true
}
