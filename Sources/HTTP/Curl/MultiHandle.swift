internal import CCurl
internal import CCurlShims

/// Owns one libcurl multi handle: the transfers in progress and the connection cache they share.
///
/// Only the ``TransferLoop`` thread calls it, except ``wakeup()``, which libcurl allows from any thread.
/// Connections outlive the transfers that opened them: a finished transfer's connection goes back to
/// this handle's cache, and the next transfer to the same origin takes it from there.
final class MultiHandle {
    /// The libcurl handle; freed in `deinit`.
    private let handle: UnsafeMutableRawPointer

    /// Creates a multi handle that keeps at most `maxIdleConnections` connections open once their
    /// transfers have finished (at least 1; libcurl reads 0 as "no limit").
    ///
    /// - Throws: ``HTTPError`` when libcurl cannot be initialised or cannot allocate the handle.
    init(maxIdleConnections: Int) throws {
        try CurlGlobal.initialize()
        guard let handle = curl_multi_init() else {
            throw HTTPError(
                kind: .other, operation: "curl_multi_init", message: "libcurl could not create a multi handle",
                requestMayHaveReachedServer: false)
        }
        let code = s3x_curl_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, max(1, maxIdleConnections))
        guard code == CURLM_OK else {
            curl_multi_cleanup(handle)
            throw HTTPError(multiCode: code, operation: "CURLMOPT_MAXCONNECTS", requestMayHaveReachedServer: false)
        }
        self.handle = handle
    }

    deinit {
        curl_multi_cleanup(handle)
    }

    /// Starts `easy`'s transfer; it runs during the following calls to ``perform()``.
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

    /// Moves every transfer along as far as it can go without waiting.
    ///
    /// - Throws: ``HTTPError`` when the multi handle itself fails (out of memory, internal error).
    func perform() throws {
        var running: Int32 = 0
        let code = curl_multi_perform(handle, &running)
        guard code == CURLM_OK else {
            throw HTTPError(multiCode: code, operation: "curl_multi_perform", requestMayHaveReachedServer: true)
        }
    }

    /// Waits until a transfer's socket is ready, ``wakeup()`` is called or `milliseconds` have passed;
    /// libcurl waits less when one of its own timers (a timeout, a retry) is due sooner.
    ///
    /// - Throws: ``HTTPError`` when polling fails.
    func poll(milliseconds: Int32) throws {
        let code = curl_multi_poll(handle, nil, 0, milliseconds, nil)
        guard code == CURLM_OK else {
            throw HTTPError(multiCode: code, operation: "curl_multi_poll", requestMayHaveReachedServer: true)
        }
    }

    /// Ends a ``poll(milliseconds:)`` in progress on another thread, or makes the next one return at once.
    func wakeup() {
        // It fails only when its socket cannot be written for a reason other than being full. The
        // loop's waits are bounded, so it then finds the new work on its next round, just later.
        _ = curl_multi_wakeup(handle)
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
}
