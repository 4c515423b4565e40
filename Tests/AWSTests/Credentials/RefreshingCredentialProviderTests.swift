import AWS
import Foundation
import Locking
import Testing

/// The AWS CLI's refresh windows: advisory at 15 minutes before expiry, mandatory at 10.
@Suite struct RefreshingCredentialProviderTests {
    /// A fetch that counts its calls and answers from a script (a key id, or a failure).
    final class ScriptedFetch: Sendable {
        struct Failed: Error {}
        private let state: Locked<(calls: Int, answers: [String?])>
        private let expiration: Date
        private let gate = Locked(true)

        init(_ answers: [String?], expiration: Date) {
            self.state = Locked((calls: 0, answers: answers))
            self.expiration = expiration
        }

        var calls: Int { state.withLock { $0.calls } }

        /// Makes fetches wait until `open()`.
        func close() { gate.withLock { $0 = false } }

        func open() { gate.withLock { $0 = true } }

        func callAsFunction() async throws -> Credentials {
            let answer = state.withLock { state -> String? in
                state.calls += 1
                return state.answers.isEmpty ? nil : state.answers.removeFirst()
            }
            while !gate.withLock({ $0 }) { try await Task.sleep(nanoseconds: 5_000_000) }
            guard let answer else { throw Failed() }
            return Credentials(accessKeyID: answer, secretAccessKey: "s", expiration: expiration, source: .prompt)
        }
    }

    /// A thread-safe count of callers that have started.
    final class Counter: Sendable {
        private let count = Locked(0)

        var value: Int { count.withLock { $0 } }

        func increment() { count.withLock { $0 += 1 } }
    }

    private static let expiry = TestClock.reference.addingTimeInterval(3600)

    private static func old() -> Credentials {
        Credentials(accessKeyID: "OLD", secretAccessKey: "s", expiration: expiry, source: .prompt)
    }

    @Test func freshCredentialsAreServedFromTheCache() async throws {
        let fetch = ScriptedFetch(["NEW"], expiration: Self.expiry)
        let clock = TestClock()
        let provider = RefreshingCredentialProvider(initial: Self.old(), clock: clock.wallClock) { try await fetch() }
        clock.set(Self.expiry.addingTimeInterval(-15 * 60 - 1))
        #expect(try await provider.credentials().accessKeyID == "OLD")
        #expect(fetch.calls == 0)
        #expect(await provider.expiration == Self.expiry)
    }

    @Test func insideTheAdvisoryWindowARefreshIsTried() async throws {
        let later = Self.expiry.addingTimeInterval(3600)
        let fetch = ScriptedFetch([nil, "NEW"], expiration: later)
        let clock = TestClock()
        let provider = RefreshingCredentialProvider(initial: Self.old(), clock: clock.wallClock) { try await fetch() }
        clock.set(Self.expiry.addingTimeInterval(-14 * 60))
        #expect(try await provider.credentials().accessKeyID == "OLD", "a failed advisory refresh keeps the old")
        #expect(fetch.calls == 1)
        #expect(try await provider.credentials().accessKeyID == "NEW")
        #expect(fetch.calls == 2)
        #expect(try await provider.credentials().accessKeyID == "NEW")
        #expect(fetch.calls == 2)
    }

    @Test func insideTheMandatoryWindowAFailedRefreshThrows() async {
        let fetch = ScriptedFetch([nil], expiration: Self.expiry)
        let clock = TestClock()
        let provider = RefreshingCredentialProvider(initial: Self.old(), clock: clock.wallClock) { try await fetch() }
        clock.set(Self.expiry.addingTimeInterval(-9 * 60))
        await #expect(throws: ScriptedFetch.Failed.self) { try await provider.credentials() }
        #expect(fetch.calls == 1)
    }

    @Test func invalidateForcesAFetch() async throws {
        let fetch = ScriptedFetch(["NEW"], expiration: Self.expiry)
        let provider = RefreshingCredentialProvider(initial: Self.old(), clock: TestClock().wallClock) {
            try await fetch()
        }
        await provider.invalidate()
        #expect(try await provider.credentials().accessKeyID == "NEW")
        #expect(fetch.calls == 1)
    }

    @Test func invalidateWorksThroughTheProtocol() async throws {
        let fetch = ScriptedFetch(["NEW"], expiration: Self.expiry)
        let provider: any CredentialProvider = RefreshingCredentialProvider(
            initial: Self.old(), clock: TestClock().wallClock
        ) { try await fetch() }
        await provider.invalidate()
        #expect(try await provider.credentials().accessKeyID == "NEW")
        #expect(fetch.calls == 1)
    }

    @Test func concurrentCallersShareOneFetch() async throws {
        let fetch = ScriptedFetch(["ONE", "TWO"], expiration: Self.expiry)
        let provider = RefreshingCredentialProvider(clock: TestClock().wallClock) { try await fetch() }
        fetch.close()
        let entered = Counter()
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    entered.increment()
                    return try await provider.credentials().accessKeyID
                }
            }
            while entered.value < 8 { try await Task.sleep(nanoseconds: 5_000_000) }
            try await Task.sleep(nanoseconds: 100_000_000)
            fetch.open()
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(keys == Array(repeating: "ONE", count: 8))
        #expect(fetch.calls == 1)
    }
}
