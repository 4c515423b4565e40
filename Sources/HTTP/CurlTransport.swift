/// The production ``HTTPTransport``: libcurl easy handles, pooled so that connections are kept alive.
///
/// `send` may be called from many tasks at once. Each call borrows a handle from the pool and runs
/// the blocking `curl_easy_perform` on that handle's own dispatch queue, so Swift's cooperative
/// thread pool is never blocked. TLS peers are always verified; the standard proxy variables
/// (`HTTPS_PROXY`, `https_proxy`, `HTTP_PROXY`, `NO_PROXY`, ...) are read by libcurl itself.
/// Redirects are never followed: the caller sees the 3xx response.
///
/// libcurl sends with `MSG_NOSIGNAL`, so a peer closing a connection does not raise `SIGPIPE`; the
/// shell may still ignore `SIGPIPE` process-wide as a second line of defence.
public final class CurlTransport: HTTPTransport {
    /// The settings every request uses.
    public let options: Options
    /// The idle handles.
    private let pool: HandlePool

    /// Creates a transport, initialising libcurl if this is the first one.
    ///
    /// - Throws: ``HTTPError`` when libcurl cannot be initialised.
    public init(options: Options = Options()) throws {
        try CurlGlobal.initialize()
        self.options = options
        pool = HandlePool(capacity: options.maxIdleConnections)
    }

    /// Sends `request` and returns the final response.
    ///
    /// Cancelling the calling task aborts the transfer within about a second.
    ///
    /// - Throws: ``HTTPError`` when no complete response arrived; `CancellationError` when cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let handle = try pool.checkOut()
        defer { pool.checkIn(handle) }
        let cancellation = CancellationFlag()
        let settings = options
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                handle.queue.async {
                    continuation.resume(
                        with: Result { try handle.transfer(request, settings: settings, cancellation: cancellation) })
                }
            }
        } onCancel: {
            cancellation.raise()
        }
    }

    /// The number of idle pooled handles, for tests.
    var idleHandleCount: Int { pool.idleCount }
}
