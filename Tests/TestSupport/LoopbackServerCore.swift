import Dispatch
import Foundation
import HTTP
import Locking

/// The loopback server's shared state and threads: one thread accepts, one thread serves each connection.
///
/// Threads hold the core, not the ``LoopbackServer``, so dropping the server can still stop them.
final class LoopbackServerCore: Sendable {
    /// Mutable state behind the lock.
    private struct State {
        var isStopped = false
        var acceptedConnections = 0
        var receivedRequests = 0
        var openConnections: Set<Int32> = []
    }

    /// The listening socket.
    let listener: Int32
    /// The code that answers each request.
    let handler: @Sendable (LoopbackServer.ReceivedRequest) async -> LoopbackServer.Reply
    /// The transport used by `.forward(to:)` replies.
    let upstream: any HTTPTransport
    /// The state.
    private let state = Locked(State())
    /// Entered by every thread while it runs, so `stop` can wait for all of them.
    private let running = DispatchGroup()

    /// Creates the core around an open listening socket.
    init(
        listener: Int32, upstream: any HTTPTransport,
        handler: @escaping @Sendable (LoopbackServer.ReceivedRequest) async -> LoopbackServer.Reply
    ) {
        self.listener = listener
        self.upstream = upstream
        self.handler = handler
    }

    /// The number of connections accepted so far.
    var acceptedConnections: Int { state.withLock { $0.acceptedConnections } }

    /// The number of complete requests read so far.
    var receivedRequests: Int { state.withLock { $0.receivedRequests } }

    /// Starts the accept thread.
    func start() {
        spawn { self.acceptLoop() }
    }

    /// Stops accepting, wakes and ends every connection, and waits for all threads to finish.
    func stop() {
        // Connections are shut down under the lock: a connection thread removes its descriptor under the
        // same lock before closing it, so a number closed and reused elsewhere is never shut down here.
        let wasRunning = state.withLock { state in
            guard !state.isStopped else {
                return false
            }
            state.isStopped = true
            state.openConnections.forEach(LoopbackServerSocket.shutDown)
            return true
        }
        guard wasRunning else {
            return
        }
        LoopbackServerSocket.shutDown(listener)
        running.wait()
        LoopbackServerSocket.close(listener)
    }

    /// Records that a complete request was read; called by connection threads.
    func countRequest() {
        state.withLock { $0.receivedRequests += 1 }
    }

    /// Accepts connections until the listener is shut down.
    private func acceptLoop() {
        while let descriptor = LoopbackServerSocket.accept(listener) {
            let number: Int? = state.withLock { state in
                guard !state.isStopped else {
                    return nil
                }
                state.acceptedConnections += 1
                state.openConnections.insert(descriptor)
                return state.acceptedConnections
            }
            guard let number else {
                LoopbackServerSocket.close(descriptor)
                return
            }
            spawn {
                LoopbackServerConnection(descriptor: descriptor, number: number, core: self).serve()
                self.state.withLock { _ = $0.openConnections.remove(descriptor) }
                LoopbackServerSocket.close(descriptor)
            }
        }
    }

    /// Runs `body` on a new thread that `stop` waits for, named ``LoopbackServer/threadName``.
    private func spawn(_ body: @escaping @Sendable () -> Void) {
        running.enter()
        Thread.detachNewThread { [running] in
            Thread.current.name = LoopbackServer.threadName
            body()
            running.leave()
        }
    }

    /// Runs the handler for `request` (and the forwarding it asks for) and blocks this thread until done,
    /// or until the server stops (the connection is then closed without a reply).
    ///
    /// Blocking is fine here: connection threads are our own, never Swift's cooperative pool. Giving up
    /// on `stop` matters: `stop` is often called from a test's task, and while it waits for this thread
    /// it holds a thread of the cooperative pool the handler's task may need (on two cores the pool has
    /// two, and two tests stopping servers at once would otherwise wait on each other for ever).
    func reply(to request: LoopbackServer.ReceivedRequest) -> LoopbackServer.Reply {
        let done = DispatchSemaphore(value: 0)
        let result = ReplyBox()
        Task { [handler, upstream] in
            var reply = await handler(request)
            if case .forward(let base) = reply {
                reply = await LoopbackServer.forward(request, to: base, using: upstream)
            }
            result.value.withLock { [reply] in $0 = reply }
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if state.withLock({ $0.isStopped }) { return .closeConnection }
        }
        return result.value.withLock { $0 }
    }
}

/// Carries a reply from the handler's task back to the waiting connection thread.
private final class ReplyBox: Sendable {
    /// The reply; `.closeConnection` until the handler answers.
    let value = Locked<LoopbackServer.Reply>(.closeConnection)
}
