import AWS
import CrossAccount
import Foundation
import HTTP
import Locking
import Services
import TestSupport
import Testing

/// A broken endpoint fails fast: a bounded number of attempts, then an error that says what happened;
/// and every wait between attempts ends at once on an interrupt or a cancelled task.
@Suite struct RetryQuotaTests {
    /// An S3 client of the admin through `endpoint`, with `retry` and `isInterrupted`.
    private static func s3(
        _ endpoint: String, retry: RetryPolicy, clock: WallClock = .system,
        isInterrupted: @escaping @Sendable () -> Bool = { false }
    ) throws -> S3 {
        let context = ClientContext(
            transport: try CurlTransport(), retry: retry, clock: clock, isInterrupted: isInterrupted)
        let factory = ClientFactory(
            context: context, endpoints: EndpointResolver(commandLineURL: endpoint, environment: Environment([:])))
        let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "not-a-secret", source: .environment)
        return try factory.s3(region: "us-east-1", credentials: StaticCredentialProvider(credentials))
    }

    /// The system clock, except that every wait lasts an hour: only an interrupt or a cancelled
    /// task can end a backoff on it, so the tests below cannot pass by the wait running out.
    private static let hourLongWaits = WallClock(
        now: { Date() }, sleep: { _ in try await Task.sleep(for: .seconds(3600)) })

    /// A proxy answering every request with 503 `SlowDown` (its upstream is never reached).
    private static func brokenEndpoint() throws -> FaultProxy {
        try FaultProxy(upstream: "http://127.0.0.1:9", rate: 1, kinds: [.slowDown])
    }

    @Test(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
    func theSetupAgainstAnEndpointAnsweringSlowDownFailsFastAndSaysWhy() async throws {
        let emulator = try #require(Emulator.current)
        let proxy = try FaultProxy(upstream: emulator.endpoint, rate: 1, kinds: [.slowDown])
        defer { proxy.stop() }
        let direct = try await FaultedSession.connect(emulator, through: emulator.endpoint, secondaries: 1)
        // The standard mode as shipped: three attempts, full-jitter backoff of up to 1 s and 2 s.
        let session = FaultedSession(
            primary: try Self.account(direct.primary, through: proxy.baseURL, retry: RetryPolicy()),
            secondaries: [])
        let started = ContinuousClock.now

        let error = await #expect(throws: ActionError.self) { _ = try await ProcedureRun().run(session) }

        #expect(ContinuousClock.now - started < .seconds(20), "backoffs of at most 1 s and 2 s")
        // The first step reads the account's buckets and the bucket's existence at once.
        #expect(proxy.log.count == 6, "three attempts of each of the first step's two calls, then no other call")
        #expect(Set(proxy.log.map(\.request.operation)) == ["ListBuckets", "HeadBucket"])
        let text = try #require(error).description
        #expect(text.contains("SlowDown") && text.contains("HTTP 503"))
        #expect(text.contains("on every retry this session allows"))
    }

    @Test func theRetryQuotaEndsRetriesOnceItIsSpent() async throws {
        let proxy = try Self.brokenEndpoint()
        defer { proxy.stop() }
        // 20 tokens pay for four retries of 5: two calls retry twice each, later calls are tried once.
        let retry = RetryPolicy(maxAttempts: 3, maxBackoff: 0.001, quota: RetryQuota(capacity: 20))
        let s3 = try Self.s3(proxy.baseURL, retry: retry)
        for _ in 0..<5 {
            await #expect(throws: AWSError.self) { _ = try await s3.listBuckets() }
        }

        let attempts = 3 + 3 + 1 + 1 + 1
        #expect(proxy.log.count == attempts)
        #expect(retry.quota.available == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func theInterruptFlagEndsABackoffAtOnce() async throws {
        let proxy = try Self.brokenEndpoint()
        defer { proxy.stop() }
        let raised = Locked(false)
        let s3 = try Self.s3(
            proxy.baseURL, retry: RetryPolicy(maxAttempts: 5), clock: Self.hourLongWaits,
            isInterrupted: { raised.withLock { $0 } })
        let raise = Task {
            try await Self.waitForTheFirstAttempt(at: proxy)
            raised.withLock { $0 = true }
        }

        let error = await #expect(throws: AWSError.self) { _ = try await s3.listBuckets() }

        _ = try await raise.value
        #expect(error?.description == "s3 ListBuckets was not sent: interrupted")
        #expect(proxy.log.count == 1, "the interrupt came during the first backoff")
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellingTheTaskEndsABackoffAtOnce() async throws {
        let proxy = try Self.brokenEndpoint()
        defer { proxy.stop() }
        let s3 = try Self.s3(proxy.baseURL, retry: RetryPolicy(maxAttempts: 5), clock: Self.hourLongWaits)
        let call = Task { try await s3.listBuckets() }
        try await Self.waitForTheFirstAttempt(at: proxy)
        call.cancel()

        let result = await call.result

        #expect(throws: AWSError.self) { try result.get() }
        #expect(proxy.log.count == 1, "the cancellation came during the first backoff")
    }

    /// Returns once `proxy` has answered a first attempt, and a little later (a sanitized build on a
    /// loaded machine can take longer than any fixed wait to send it).
    private static func waitForTheFirstAttempt(at proxy: FaultProxy) async throws {
        while proxy.log.isEmpty {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(100))
    }

    /// `account` with its clients sent through `endpoint` with `retry`.
    private static func account(_ account: Account, through endpoint: String, retry: RetryPolicy) throws -> Account {
        var copy = account
        copy.factory = ClientFactory(
            context: ClientContext(transport: try CurlTransport(), retry: retry),
            endpoints: EndpointResolver(commandLineURL: endpoint, environment: Environment([:])))
        return copy
    }
}
