import HTTP
import Locking

/// A fake `HTTPTransport` that answers from a script of replies and records every request sent.
///
/// When the script runs out, the `fallback` reply answers; without one, the request fails with a
/// permanent transport error so that an unexpected extra attempt shows up in the test.
final class ScriptedTransport: HTTPTransport {
    /// One scripted answer: a response, or a failure on the wire.
    enum Reply: Sendable {
        case response(HTTPResponse)
        case failure(HTTPError)

        /// A response with `status`, the given headers, and `body` as UTF-8.
        static func status(_ status: Int, _ body: String = "", headers: HTTPHeaders = HTTPHeaders()) -> Reply {
            .response(HTTPResponse(status: status, headers: headers, body: Array(body.utf8)))
        }

        /// A failure of the given kind.
        static func wire(_ kind: HTTPError.Kind) -> Reply {
            .failure(HTTPError(kind: kind, operation: "test", message: "scripted", requestMayHaveReachedServer: true))
        }
    }

    private struct State {
        var script: [Reply]
        var requests: [HTTPRequest] = []
    }

    private let state: Locked<State>
    private let fallback: Reply?

    /// Creates a transport answering `script` in order, then `fallback`.
    init(_ script: [Reply], fallback: Reply? = nil) {
        self.state = Locked(State(script: script))
        self.fallback = fallback
    }

    /// The requests sent so far, in order.
    var requests: [HTTPRequest] {
        state.withLock { $0.requests }
    }

    /// How many requests were sent.
    var attempts: Int {
        state.withLock { $0.requests.count }
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let reply = state.withLock { state -> Reply? in
            state.requests.append(request)
            return state.script.isEmpty ? fallback : state.script.removeFirst()
        }
        switch reply {
        case .response(let response):
            return response
        case .failure(let error):
            throw error
        case nil:
            throw HTTPError(
                kind: .other, operation: "test", message: "the script has no reply left",
                requestMayHaveReachedServer: false)
        }
    }
}
