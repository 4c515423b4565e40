import Locking
import TestSupport

/// Keeps every request a ``LoopbackServer`` handler saw, for assertions after the round trip.
final class RequestRecorder: Sendable {
    /// The requests, in arrival order.
    private let requests = Locked<[LoopbackServer.ReceivedRequest]>([])

    /// Records `request`.
    func record(_ request: LoopbackServer.ReceivedRequest) {
        requests.withLock { $0.append(request) }
    }

    /// Every request recorded so far.
    var all: [LoopbackServer.ReceivedRequest] {
        requests.withLock { $0 }
    }

    /// The most recent request, if any.
    var last: LoopbackServer.ReceivedRequest? {
        requests.withLock { $0.last }
    }
}

/// Starts a server that records each request and echoes it back: status 200, the method and target in
/// `X-Echo-Method` and `X-Echo-Target`, and the request body as the response body.
func makeEchoServer(_ recorder: RequestRecorder) throws -> LoopbackServer {
    try LoopbackServer { request in
        recorder.record(request)
        return .respond(
            status: 200,
            headers: ["X-Echo-Method": request.method, "X-Echo-Target": request.target, "Content-Type": "x/echo"],
            body: request.body)
    }
}
