/// One call of ``CurlTransport/send(_:)`` on its way through the ``TransferLoop``.
///
/// The loop resumes `continuation` exactly once: at the moment it takes the transfer out of its
/// bookkeeping (the queue of new transfers, or the transfers running on the multi handle), which
/// happens only once, and only on the loop thread.
struct Transfer: Sendable {
    /// The request to send.
    let request: HTTPRequest
    /// The transport's settings.
    let settings: CurlTransport.Options
    /// Raised by the caller's cancellation handler, possibly before the loop has seen the transfer.
    let cancellation: CancellationFlag
    /// The suspended `send`.
    let continuation: CheckedContinuation<HTTPResponse, any Error>

    /// The method and origin that errors name (`GET https://host:443`), never the path or query.
    var target: String {
        "\(request.method) \(URLParts.origin(request.url))"
    }

    /// Resumes the caller with `result`.
    func finish(_ result: Result<HTTPResponse, any Error>) {
        continuation.resume(with: result)
    }

    /// Resumes the caller with `error`, naming this request's target when it is an ``HTTPError``.
    func fail(_ error: any Error) {
        guard var error = error as? HTTPError else {
            return continuation.resume(throwing: error)
        }
        error.target = target
        continuation.resume(throwing: error)
    }
}
