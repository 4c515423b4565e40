internal import CCurl
internal import CCurlShims

/// Owns one libcurl multi handle: the transfers in progress and the connection cache they share.
///
/// It is driven through libcurl's socket interface: the ``TransferLoop`` waits for what ``watch``
/// names and reports each ready socket with ``socketReady(_:bits:)`` and each due timer with
/// ``timerDue()``, so libcurl touches only the transfers that have something to do. (Driven by
/// `curl_multi_perform` and `curl_multi_poll` instead, libcurl checks every transfer's socket with a
/// `poll` call of its own on each wakeup: for a hundred transfers in flight, 204,000 `poll` calls for
/// 1,529 requests, and more CPU than a thread per transfer.) Only the loop thread calls it.
/// Connections outlive the transfers that opened them: a finished transfer's connection goes back to
/// this handle's cache, and the next transfer to the same origin takes it.
final class MultiHandle {
    /// The libcurl handle; freed in `deinit`.
    private let handle: UnsafeMutableRawPointer
    /// The sockets and timer libcurl wants waited for; its callbacks write here.
    let watch: SocketWatch

    /// Creates a multi handle that keeps at most `maxIdleConnections` connections open once their
    /// transfers have finished (at least 1; libcurl reads 0 as "no limit").
    ///
    /// - Throws: ``HTTPError`` when libcurl cannot be initialised or cannot allocate the handle, or the
    ///   system has no epoll set to spare.
    init(maxIdleConnections: Int) throws {
        try CurlGlobal.initialize()
        watch = try SocketWatch()
        guard let handle = curl_multi_init() else {
            throw HTTPError(
                kind: .other, operation: "curl_multi_init", message: "libcurl could not create a multi handle",
                requestMayHaveReachedServer: false)
        }
        self.handle = handle
        try check(
            s3x_curl_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, max(1, maxIdleConnections)),
            "CURLMOPT_MAXCONNECTS")
        try check(s3x_curl_multi_setopt_socket_callback(handle, SocketWatch.socketCallback), "CURLMOPT_SOCKETFUNCTION")
        try check(s3x_curl_multi_setopt_pointer(handle, CURLMOPT_SOCKETDATA, watch.context), "CURLMOPT_SOCKETDATA")
        try check(s3x_curl_multi_setopt_timer_callback(handle, SocketWatch.timerCallback), "CURLMOPT_TIMERFUNCTION")
        try check(s3x_curl_multi_setopt_pointer(handle, CURLMOPT_TIMERDATA, watch.context), "CURLMOPT_TIMERDATA")
    }

    deinit {
        // libcurl may still report closed sockets to `watch`, which lives until deinit returns.
        curl_multi_cleanup(handle)
    }

    /// Starts `easy`'s transfer: libcurl sets a timer due at once, and the transfer runs in the calls to
    /// ``timerDue()`` and ``socketReady(_:bits:)`` that follow.
    ///
    /// - Throws: ``HTTPError`` when libcurl refuses the handle.
    func add(_ easy: EasyHandle) throws {
        let code = curl_multi_add_handle(handle, easy.handle)
        guard code == CURLM_OK else {
            throw HTTPError(multiCode: code, operation: "curl_multi_add_handle", requestMayHaveReachedServer: false)
        }
    }

    /// Takes `easy` out, finished or not; a transfer still running is abandoned and its connection closed.
    func remove(_ easy: EasyHandle) {
        // Removing a handle that was added cannot fail but for a broken multi handle, and then there
        // is nothing better to do with it than to let it go.
        _ = curl_multi_remove_handle(handle, easy.handle)
    }

    /// Lets libcurl act on `socket`, which is ready as `bits` (`CURL_CSELECT_*`) say.
    ///
    /// - Throws: ``HTTPError`` when the multi handle itself fails (out of memory, internal error).
    func socketReady(_ socket: Int32, bits: Int32) throws {
        try act(on: socket, bits)
    }

    /// Lets libcurl run its due timers: starting new transfers, retrying, enforcing timeouts.
    ///
    /// - Throws: ``HTTPError`` when the multi handle itself fails.
    func timerDue() throws {
        watch.clearDeadline()
        try act(on: CURL_SOCKET_TIMEOUT, 0)
    }

    /// The next transfer that has finished since the last call: its easy handle's address and its
    /// result; `nil` when there is none.
    func nextFinished() -> (handle: UnsafeMutableRawPointer, code: CURLcode)? {
        var kind = CURLMSG_NONE
        var code = CURLE_OK
        while let easy = s3x_curl_multi_info_read(handle, &kind, &code) {
            if kind == CURLMSG_DONE {
                return (easy, code)
            }
        }
        return nil
    }

    /// Calls `curl_multi_socket_action`.
    ///
    /// - Throws: ``HTTPError`` when the multi handle itself fails.
    private func act(on socket: Int32, _ bits: Int32) throws {
        var running: Int32 = 0
        try check(curl_multi_socket_action(handle, socket, bits, &running), "curl_multi_socket_action")
    }

    /// Throws when a multi call failed.
    ///
    /// - Throws: ``HTTPError`` naming `operation`.
    private func check(_ code: CURLMcode, _ operation: String) throws {
        guard code == CURLM_OK else {
            throw HTTPError(multiCode: code, operation: operation, requestMayHaveReachedServer: true)
        }
    }
}
