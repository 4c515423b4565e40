import Locking

/// Runs every transfer of one ``CurlTransport`` on one libcurl multi handle, driven by one thread.
///
/// ``submit(_:)`` queues a transfer and wakes the loop; the loop thread starts it on the multi handle
/// (once fewer than `maxRunning` transfers are running; until then it waits, first come first served),
/// waits (in epoll) for the sockets and timers libcurl names, lets libcurl act on whichever is ready,
/// and once the transfer has finished builds the response and resumes the caller. libcurl's callbacks
/// and every easy- and multi-handle call happen on that thread, so only the queue of new transfers and
/// cancellations (`state`) is shared, and callers on Swift's cooperative threads hold its lock only
/// briefly. The thread starts with the first transfer and ends once it has had nothing to do for
/// `linger`; the next submission starts a new one, so an idle transport holds no thread.
///
/// It is `@unchecked Sendable` because everything but `state` and `wakeup` is used by the loop thread
/// alone: a new thread is started only after the previous one has given up
/// `isThreadRunning` under the lock and stopped touching the handles, and `deinit` runs once no
/// thread holds the loop.
final class TransferLoop: @unchecked Sendable {
    /// What submitters and the loop thread share.
    private struct State {
        /// Transfers submitted and not yet taken by the loop thread.
        var submitted: [Transfer] = []
        /// Flags of cancelled transfers, not yet taken by the loop thread.
        var cancelled: [CancellationFlag] = []
        /// Whether a loop thread is running or being started; at most one ever is.
        var isThreadRunning = false
        /// Set once the transport is gone: the thread then ends as soon as it is idle.
        var isShutDown = false
        /// The running loop thread's kernel thread id, for tests.
        var threadID: Int32?
    }

    /// A transfer on the multi handle, with what libcurl points at while it runs.
    private struct Running {
        let transfer: Transfer
        let easy: EasyHandle
        let headers: HeaderList
        let collector: ResponseCollector
    }

    /// What the loop thread takes from `state` in one round.
    private struct Work {
        let submitted: [Transfer]
        let cancelled: [CancellationFlag]
    }

    /// The shared state.
    private let state = Locked(State())
    /// The multi handle and its connection cache.
    let multi: MultiHandle
    /// Wakes the loop thread from its wait when there is new work.
    let wakeup: WakeupSocket
    /// While transfers run, the latest time the loop runs libcurl's timers; see ``runTimers(isBusy:)``.
    var nextTimerCheck = ContinuousClock.now
    /// How long the thread waits for new work after its last transfer before it ends.
    let linger: Duration
    /// The most idle easy handles kept for reuse.
    private let maxIdleHandles: Int
    /// The most transfers on the multi handle at once.
    private let maxRunning: Int
    /// Transfers taken from `state` but not started, oldest first, while `maxRunning` are running;
    /// used by the loop thread only.
    private var waiting: [Transfer] = []
    /// Idle easy handles, reset; used by the loop thread only.
    private var idle: [EasyHandle] = []
    /// The transfers on the multi handle, by easy handle address; used by the loop thread only.
    private var running: [UnsafeMutableRawPointer: Running] = [:]

    /// Creates a loop without starting its thread.
    ///
    /// - Throws: ``HTTPError`` when libcurl cannot create the multi handle.
    init(maxIdleConnections: Int, maxRunning: Int, linger: Duration) throws {
        multi = try MultiHandle(maxIdleConnections: maxIdleConnections)
        wakeup = try WakeupSocket()
        try multi.watch.watchInput(of: wakeup.descriptor)
        maxIdleHandles = max(0, maxIdleConnections)
        self.maxRunning = max(1, maxRunning)
        self.linger = linger
    }

    deinit {
        // The lock orders the last loop thread's use of the handles before their release here, in a
        // way ThreadSanitizer can see.
        state.withLock { _ in }
        idle.removeAll()
    }

    /// Hands `transfer` to the loop thread, starting the thread if none is running.
    func submit(_ transfer: Transfer) {
        let (startsThread, wakes) = state.withLock { state in
            state.submitted.append(transfer)
            let startsThread = !state.isThreadRunning
            state.isThreadRunning = true
            // A queue that was not empty already has a wakeup on its way.
            return (startsThread, state.submitted.count == 1)
        }
        if startsThread {
            startThread()
        } else if wakes {
            wakeup.signal()
        }
    }

    /// Aborts the transfer whose flag is `cancellation`, wherever it is: the loop resumes its caller with
    /// `CancellationError`. Does nothing once the transfer has finished.
    func cancel(_ cancellation: CancellationFlag) {
        cancellation.raise()
        state.withLock { $0.cancelled.append(cancellation) }
        wakeup.signal()
    }

    /// Tells the loop its transport is gone, so that an idle thread ends now instead of lingering.
    func shutDown() {
        state.withLock { $0.isShutDown = true }
        wakeup.signal()
    }

    /// Fails every submitted transfer with `error` when no thread could be started to run them; the
    /// next submission tries to start one again.
    func failSubmitted(_ error: HTTPError) {
        let stranded = state.withLock { state in
            state.isThreadRunning = false
            defer { state.submitted = [] }
            return state.submitted
        }
        stranded.forEach { $0.fail(error) }
    }

    /// The running loop thread's kernel thread id, or `nil` when no thread is running; for tests.
    var threadID: Int32? {
        state.withLock { $0.threadID }
    }

    /// The loop thread's body: rounds of start, cancel, wait, act and finish, until the loop has been
    /// idle for `linger` (or at all, once shut down).
    func run() {
        let threadID = TransferLoop.currentThreadID()
        state.withLock { $0.threadID = threadID }
        var lastBusy = ContinuousClock.now
        var lingerIsOver = false
        while let work = takeWork(lingerIsOver: lingerIsOver) {
            waiting.append(contentsOf: work.submitted)
            work.cancelled.forEach(abort)
            startWaiting()
            if !running.isEmpty {
                lastBusy = .now
            }
            do {
                try runTimers(isBusy: !running.isEmpty)
                finishCompleted()
                try waitAndAct(idleUntil: running.isEmpty ? lastBusy + linger : nil)
                finishCompleted()
                lingerIsOver = running.isEmpty && waiting.isEmpty && lastBusy.duration(to: .now) >= linger
            } catch {
                failAll(error)
                // A broken multi handle fails at once; an idle thread ends rather than spinning.
                lingerIsOver = true
            }
        }
    }

    /// Takes the new transfers and cancellations; `nil` when the thread should end, in which case it has
    /// already given up `isThreadRunning`.
    private func takeWork(lingerIsOver: Bool) -> Work? {
        let isIdle = running.isEmpty && waiting.isEmpty
        return state.withLock { state in
            if state.submitted.isEmpty, isIdle, lingerIsOver || state.isShutDown {
                state.isThreadRunning = false
                state.threadID = nil
                return nil
            }
            defer {
                state.submitted = []
                state.cancelled = []
            }
            return Work(submitted: state.submitted, cancelled: state.cancelled)
        }
    }

    /// Starts the oldest waiting transfers, as many as there are free places on the multi handle.
    private func startWaiting() {
        let count = min(waiting.count, maxRunning - running.count)
        guard count > 0 else {
            return
        }
        let starting = waiting.prefix(count)
        waiting.removeFirst(count)
        starting.forEach(start)
    }

    /// Starts `transfer` on the multi handle, or resumes its caller when it was cancelled or cannot start.
    private func start(_ transfer: Transfer) {
        guard !transfer.cancellation.isRaised else {
            return transfer.finish(.failure(CancellationError()))
        }
        let easy: EasyHandle
        do {
            easy = try idle.popLast() ?? EasyHandle()
        } catch {
            return transfer.fail(error)
        }
        do {
            let (headers, collector) = try easy.prepare(transfer.request, settings: transfer.settings)
            try multi.add(easy)
            running[easy.handle] = Running(transfer: transfer, easy: easy, headers: headers, collector: collector)
        } catch {
            recycle(easy)
            transfer.fail(error)
        }
    }

    /// Takes the transfer whose flag is `cancellation` off the multi handle, or out of the waiting
    /// ones, and resumes its caller; does nothing when it has finished already (or is still in `state`,
    /// whence ``start(_:)`` resumes it).
    private func abort(_ cancellation: CancellationFlag) {
        if let index = waiting.firstIndex(where: { $0.cancellation === cancellation }) {
            return waiting.remove(at: index).finish(.failure(CancellationError()))
        }
        guard let (handle, entry) = running.first(where: { $0.value.transfer.cancellation === cancellation }) else {
            return
        }
        running[handle] = nil
        multi.remove(entry.easy)
        recycle(entry.easy)
        entry.transfer.finish(.failure(CancellationError()))
    }

    /// Resumes the caller of every transfer libcurl has finished since the last round, and starts
    /// waiting ones in their places.
    private func finishCompleted() {
        while let (handle, code) = multi.nextFinished() {
            guard let entry = running.removeValue(forKey: handle) else {
                continue
            }
            multi.remove(entry.easy)
            let outcome = entry.easy.outcome(of: code, collector: entry.collector, target: entry.transfer.target)
            recycle(entry.easy)
            entry.transfer.finish(outcome)
        }
        startWaiting()
    }

    /// Fails every running and waiting transfer with `error` after the multi handle itself failed.
    private func failAll(_ error: any Error) {
        let entries = running.values
        running = [:]
        for entry in entries {
            multi.remove(entry.easy)
            recycle(entry.easy)
            entry.transfer.fail(error)
        }
        let stranded = waiting
        waiting = []
        stranded.forEach { $0.fail(error) }
    }

    /// Resets a handle that is off the multi handle, so it points at nothing of its last transfer, and
    /// keeps it for the next one; frees it instead when enough are idle or it cannot be reset.
    private func recycle(_ easy: EasyHandle) {
        guard (try? easy.reset()) != nil, idle.count < maxIdleHandles else {
            return
        }
        idle.append(easy)
    }
}
