import HTTP
import Locking
import Testing

/// The session's transport is made by its first request: a run that sends none never starts libcurl.
struct OnDemandTransportTests {
    /// Answers every request with 204.
    struct NoContent: HTTPTransport {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse { HTTPResponse(status: 204) }
    }

    struct Refused: Error, Equatable {}

    static let request = HTTPRequest(method: "GET", url: "http://127.0.0.1:9/")

    @Test func theTransportIsMadeOnceByTheFirstOfManyRequests() async throws {
        let made = Locked(0)
        let transport = OnDemandTransport {
            made.withLock { $0 += 1 }
            return NoContent()
        }
        #expect(!transport.isMade)
        #expect(made.withLock { $0 } == 0)

        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask { try await transport.send(Self.request).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        #expect(statuses == Array(repeating: 204, count: 20))
        #expect(made.withLock { $0 } == 1)
        #expect(transport.isMade)
    }

    @Test func aTransportThatCannotBeMadeFailsTheRequestAndTheNextOneTriesAgain() async throws {
        let attempts = Locked(0)
        let transport = OnDemandTransport {
            let attempt = attempts.withLock { count in
                count += 1
                return count
            }
            if attempt == 1 { throw Refused() }
            return NoContent()
        }

        await #expect(throws: Refused.self) { try await transport.send(Self.request) }
        #expect(!transport.isMade)
        #expect(try await transport.send(Self.request).status == 204)
        #expect(attempts.withLock { $0 } == 2)
    }
}
