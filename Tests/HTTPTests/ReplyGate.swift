import Locking

/// Holds loopback-server replies until the test opens it, so a test can see how many requests are in
/// flight at once, or act while they are.
final class ReplyGate: Sendable {
    /// Whether the gate is open, the handlers waiting while it is shut, and the task that opens it at
    /// the latest.
    private struct State {
        var isOpen = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var deadline: Task<Void, Never>?
    }

    /// The state.
    private let state = Locked(State())

    /// A shut gate; with `limit`, it opens itself once `limit` has passed, so that a test whose
    /// transfers should end without it fails instead of hanging.
    init(openingAfter limit: Duration? = nil) {
        guard let limit else { return }
        let deadline = Task { [self] in
            if (try? await Task.sleep(for: limit)) != nil {
                open()
            }
        }
        state.withLock { $0.deadline = deadline }
    }

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

    /// Opens the gate, releasing every waiting handler and stopping its deadline; opening it again
    /// does nothing.
    func open() {
        let (waiters, deadline) = state.withLock { state in
            state.isOpen = true
            defer {
                state.waiters = []
                state.deadline = nil
            }
            return (state.waiters, state.deadline)
        }
        waiters.forEach { $0.resume() }
        deadline?.cancel()
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
