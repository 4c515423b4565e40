/// The production ``HTTPTransport``: libcurl's multi interface, one event-loop thread per transport.
///
/// `send` may be called from many tasks at once. Each call queues its request with the transport's
/// ``TransferLoop`` and suspends; one thread of the loop's own runs every transfer on one libcurl
/// multi handle and resumes each caller when its response is complete, so a hundred requests in
/// flight cost one thread, not a hundred, and Swift's cooperative thread pool is never blocked. The
/// thread ends after a short idle spell and starts again with the next request. At most
/// ``Options/maxConcurrentRequests`` are on the wire at once; the rest wait their turn. Finished requests'
/// connections stay in the multi handle's cache (see ``Options/maxIdleConnections``) and are reused.
/// TLS peers are always verified; the standard proxy variables (`HTTPS_PROXY`, `https_proxy`,
/// `HTTP_PROXY`, `NO_PROXY`, ...) are read by libcurl itself. Redirects are never followed: the
/// caller sees the 3xx response.
///
/// libcurl sends with `MSG_NOSIGNAL`, so a peer closing a connection does not raise `SIGPIPE`; the
/// shell may still ignore `SIGPIPE` process-wide as a second line of defence.
public final class CurlTransport: HTTPTransport {
    /// The settings every request uses.
    public let options: Options
    /// The multi handle and the thread that drives it.
    let loop: TransferLoop

    /// Creates a transport, initialising libcurl if this is the first one. No thread starts until the
    /// first request.
    ///
    /// - Throws: ``HTTPError`` when libcurl cannot be initialised.
    public convenience init(options: Options = Options()) throws {
        try self.init(options: options, linger: .milliseconds(1500))
    }

    /// Creates a transport whose loop thread ends once it has been idle for `linger`; for tests.
    ///
    /// - Throws: ``HTTPError`` when libcurl cannot be initialised.
    init(options: Options, linger: Duration) throws {
        try CurlGlobal.initialize()
        self.options = options
        loop = try TransferLoop(
            maxIdleConnections: options.maxIdleConnections, maxRunning: options.maxConcurrentRequests, linger: linger)
    }

    deinit {
        loop.shutDown()
    }

    /// Sends `request` and returns the final response.
    ///
    /// Cancelling the calling task aborts the transfer at once: the loop takes it off the multi handle
    /// (closing its connection) and this call throws.
    ///
    /// - Throws: ``HTTPError`` when no complete response arrived; `CancellationError` when cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let cancellation = CancellationFlag()
        let settings = options
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let transfer = Transfer(
                    request: request, settings: settings, cancellation: cancellation, continuation: continuation)
                loop.submit(transfer)
            }
        } onCancel: { [loop] in
            loop.cancel(cancellation)
        }
    }
}
