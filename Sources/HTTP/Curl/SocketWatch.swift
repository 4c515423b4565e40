internal import CCurl
internal import CEpoll

#if canImport(Glibc)
    import Glibc
#endif

/// What libcurl's multi handle wants waited for, kept in an epoll set: the sockets it watches and for
/// which events, and when its next timer is due, as its socket and timer callbacks report them.
///
/// With epoll a wait costs the sockets that are ready, not every open one: `poll` over a hundred
/// connections, once per event, took a seventh of the process's CPU. libcurl calls back from within
/// `curl_multi_socket_action`, `curl_multi_add_handle`, `curl_multi_remove_handle` and
/// `curl_multi_cleanup`, which only the ``TransferLoop`` thread (or the deinit of an idle loop) calls,
/// so nothing here needs a lock. The callbacks get an unretained pointer; the ``MultiHandle`` that
/// installs them owns this object and outlives its own cleanup call.
final class SocketWatch {
    /// The epoll set; closed in `deinit`.
    private let set: Int32
    /// For each socket of libcurl's in the set, the epoll events it is watched for.
    private var watched: [Int32: UInt32] = [:]
    /// The events the last wait returned; only the first `readyCount` are valid.
    private var ready = [epoll_event](repeating: epoll_event(), count: 64)
    /// When libcurl wants `curl_multi_socket_action(CURL_SOCKET_TIMEOUT)`, or `nil` when no timer is set.
    private(set) var deadline: ContinuousClock.Instant?

    /// Creates an empty set.
    ///
    /// - Throws: ``HTTPError`` when the system cannot create an epoll set.
    init() throws {
        set = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard set >= 0 else {
            throw HTTPError(
                kind: .other, operation: "epoll_create1", message: String(cString: strerror(errno)),
                requestMayHaveReachedServer: false)
        }
    }

    deinit {
        close(set)
    }

    /// An unretained pointer to pass as callback data.
    var context: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    /// Watches `descriptor`, which is not libcurl's (the loop's wakeup socket), for input from now on.
    ///
    /// - Throws: ``HTTPError`` when epoll refuses it.
    func watchInput(of descriptor: Int32) throws {
        guard control(EPOLL_CTL_ADD, descriptor, EPOLLIN.rawValue) == 0 else {
            throw HTTPError(
                kind: .other, operation: "epoll_ctl", message: String(cString: strerror(errno)),
                requestMayHaveReachedServer: false)
        }
    }

    /// Whether libcurl still wants `socket` watched: an action on one socket may close another.
    func isWatched(_ socket: Int32) -> Bool {
        watched[socket] != nil
    }

    /// Forgets the timer once it has been acted on; libcurl sets the next one through its callback.
    func clearDeadline() {
        deadline = nil
    }

    /// Waits up to `milliseconds` for watched descriptors to become ready, then calls `body` with each
    /// ready one and its readiness as libcurl's `CURL_CSELECT_*` bits.
    ///
    /// - Throws: what `body` throws.
    func wait(milliseconds: Int32, _ body: (Int32, Int32) throws -> Void) rethrows {
        let count = ready.withUnsafeMutableBufferPointer { events in
            epoll_wait(set, events.baseAddress, Int32(events.count), milliseconds)
        }
        // A negative count is a signal (EINTR): the next round waits again.
        for index in 0..<max(0, Int(count)) {
            try body(ready[index].data.fd, Self.curlBits(ready[index].events))
        }
    }

    /// epoll's readiness as libcurl's bits: hang-ups and errors are reported as readable too, so
    /// libcurl reads and finds out.
    private static func curlBits(_ events: UInt32) -> Int32 {
        var bits: Int32 = 0
        if events & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
            bits |= CURL_CSELECT_IN
        }
        if events & EPOLLOUT.rawValue != 0 {
            bits |= CURL_CSELECT_OUT
        }
        if events & EPOLLERR.rawValue != 0 {
            bits |= CURL_CSELECT_ERR
        }
        return bits
    }

    /// Records what libcurl wants for `socket`: one of `CURL_POLL_IN`, `_OUT`, `_INOUT` or `_REMOVE`.
    private func update(_ socket: Int32, wanting what: Int32) {
        let events: UInt32
        switch what {
        case CURL_POLL_IN: events = EPOLLIN.rawValue
        case CURL_POLL_OUT: events = EPOLLOUT.rawValue
        case CURL_POLL_INOUT: events = EPOLLIN.rawValue | EPOLLOUT.rawValue
        default:
            if watched.removeValue(forKey: socket) != nil {
                _ = control(EPOLL_CTL_DEL, socket, 0)
            }
            return
        }
        // A socket closed without a REMOVE has left the set by itself, and its number may be back as a
        // new socket; each operation falls back to the other. Should both fail (the kernel out of
        // memory), the socket goes unwatched and its transfer ends at its timeout.
        let isKnown = watched.updateValue(events, forKey: socket) != nil
        if control(isKnown ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, socket, events) != 0 {
            _ = control(isKnown ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, socket, events)
        }
    }

    /// Calls `epoll_ctl`; returns its result (-1 with `errno` set on failure).
    private func control(_ operation: Int32, _ descriptor: Int32, _ events: UInt32) -> Int32 {
        var event = epoll_event()
        event.events = events
        event.data.fd = descriptor
        return epoll_ctl(set, operation, descriptor, &event)
    }

    /// Records libcurl's next timer, `milliseconds` from now; -1 removes it.
    private func setTimer(milliseconds: Int) {
        deadline = milliseconds < 0 ? nil : .now + .milliseconds(milliseconds)
    }

    /// The `CURLMOPT_SOCKETFUNCTION` callback; `context` is a watch.
    static let socketCallback: curl_socket_callback = { _, socket, what, context, _ in
        if let context {
            Unmanaged<SocketWatch>.fromOpaque(context).takeUnretainedValue().update(socket, wanting: what)
        }
        return 0
    }

    /// The `CURLMOPT_TIMERFUNCTION` callback; `context` is a watch.
    static let timerCallback: curl_multi_timer_callback = { _, milliseconds, context in
        if let context {
            Unmanaged<SocketWatch>.fromOpaque(context).takeUnretainedValue().setTimer(milliseconds: milliseconds)
        }
        return 0
    }
}
