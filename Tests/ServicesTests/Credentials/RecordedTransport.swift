import AWS
import Foundation
import HTTP
import Locking

/// A transport that answers from recorded replies, in order, and keeps every request sent.
final class RecordedTransport: HTTPTransport {
    private let state: Locked<(replies: [HTTPResponse], requests: [HTTPRequest])>

    /// Answers `replies` in order; a request beyond them fails on the wire.
    init(_ replies: [HTTPResponse]) {
        self.state = Locked((replies, []))
    }

    /// A reply with `status` and `body`, with optional headers.
    static func reply(_ status: Int, _ body: String, headers: [(String, String)] = []) -> HTTPResponse {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.add(name: name, value: value) }
        return HTTPResponse(status: status, headers: fields, body: Array(body.utf8))
    }

    /// The requests sent so far.
    var requests: [HTTPRequest] {
        state.withLock { $0.requests }
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let reply = state.withLock { state -> HTTPResponse? in
            state.requests.append(request)
            return state.replies.isEmpty ? nil : state.replies.removeFirst()
        }
        guard let reply else {
            throw HTTPError(
                kind: .other, operation: "test", message: "no recorded reply left", requestMayHaveReachedServer: false)
        }
        return reply
    }
}

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let current: Locked<Date>

    /// 2026-12-03T19:15:08Z.
    static let start = Date(timeIntervalSince1970: 1_796_325_308)

    init() {
        self.current = Locked(Self.start)
    }

    /// Moves time on by `seconds`.
    func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }

    /// The `WallClock` handed to the code under test; `sleep` moves time instead of waiting.
    var wallClock: WallClock {
        WallClock(now: { self.current.withLock { $0 } }, sleep: { seconds in self.advance(by: seconds) })
    }
}

/// Counts the MFA codes asked for and answers each with the next code.
final class CodeCounter: Sendable {
    private let asked: Locked<[String]>

    init() {
        self.asked = Locked([])
    }

    /// The serials asked about, in order.
    var serials: [String] {
        asked.withLock { $0 }
    }

    /// The reader handed to the code under test: answers `12345N` for the N-th question.
    var reader: @Sendable (String) async throws -> String {
        { serial in
            let count = self.asked.withLock { asked in
                asked.append(serial)
                return asked.count
            }
            return "12345\(count)"
        }
    }
}
