import AWS
import HTTP
import Testing

/// `AWSClient.send` driven through a scripted transport: attempts, waits and the retry quota.
@Suite struct AWSClientRetryTests {
    private static let throttled = ScriptedTransport.Reply.status(400, Fixtures.queryError("Throttling"))
    private static let ok = ScriptedTransport.Reply.status(200, "<R/>")

    @Test func aThrottledRequestIsSentThreeTimesByDefault() async {
        let transport = ScriptedTransport([], fallback: Self.throttled)
        let clock = TestClock()
        let quota = RetryQuota()
        let client = Fixtures.client(transport, clock: clock, quota: quota, random: 0.999)
        await #expect(throws: AWSError.self) { try await client.send(Fixtures.request) }
        #expect(transport.attempts == 3)
        #expect(clock.waits == [0.999, 1.998])
        #expect(quota.available == 490)
    }

    @Test func waitsGrowToTheTwentySecondCap() async throws {
        let transport = ScriptedTransport(Array(repeating: Self.throttled, count: 7) + [Self.ok])
        let clock = TestClock()
        let client = Fixtures.client(transport, clock: clock, maxAttempts: 8, random: 0.999)
        let response = try await client.send(Fixtures.request)
        #expect(response.status == 200)
        #expect(transport.attempts == 8)
        let bounds: [Double] = [1, 2, 4, 8, 16, 20, 20]
        #expect(clock.waits.count == bounds.count)
        for (wait, bound) in zip(clock.waits, bounds) {
            #expect(wait < bound && wait > bound - 0.021)
        }
    }

    @Test(arguments: [500, 502, 503, 504])
    func serverErrorsAreRetriedThenSucceed(status: Int) async throws {
        let transport = ScriptedTransport([.status(status), Self.ok])
        let clock = TestClock()
        let response = try await Fixtures.client(transport, clock: clock, random: 0.25).send(Fixtures.request)
        #expect(response.status == 200)
        #expect(transport.attempts == 2)
        #expect(clock.waits == [0.25])
    }

    @Test(arguments: [HTTPError.Kind.couldNotConnect, .receiveFailed, .timedOut])
    func wireFailuresAreRetried(kind: HTTPError.Kind) async throws {
        let transport = ScriptedTransport([.wire(kind), .wire(kind), Self.ok])
        let response = try await Fixtures.client(transport).send(Fixtures.request)
        #expect(response.status == 200)
        #expect(transport.attempts == 3)
    }

    @Test(arguments: [
        ("LimitExceeded", 409), ("AccessDenied", 403), ("EntityAlreadyExists", 409), ("ValidationError", 400),
    ])
    func clientErrorsFailAtOnce(code: String, status: Int) async {
        let transport = ScriptedTransport([.status(status, Fixtures.queryError(code, "no"))])
        let clock = TestClock()
        let client = Fixtures.client(transport, service: .iam, clock: clock)
        let error = await #expect(throws: AWSError.self) { try await client.send(Fixtures.request) }
        #expect(error?.code == code)
        #expect(error?.serviceError?.requestID == "req-1")
        #expect(transport.attempts == 1)
        #expect(clock.waits.isEmpty)
    }

    @Test func maxAttemptsBoundsTheAttempts() async {
        let transport = ScriptedTransport([], fallback: .status(503))
        let clock = TestClock()
        let client = Fixtures.client(transport, clock: clock, maxAttempts: 5, random: 0)
        await #expect(throws: AWSError.self) { try await client.send(Fixtures.request) }
        #expect(transport.attempts == 5)
        #expect(clock.waits == [0, 0, 0, 0])
    }

    @Test func theQuotaIsChargedAndRefunded() async throws {
        let quota = RetryQuota()
        let failing = ScriptedTransport([], fallback: Self.throttled)
        await #expect(throws: AWSError.self) { try await Fixtures.client(failing, quota: quota).send(Fixtures.request) }
        #expect(quota.available == 490, "two retries cost 5 each and a failure refunds nothing")

        let recovering = ScriptedTransport([Self.throttled, Self.ok])
        _ = try await Fixtures.client(recovering, quota: quota).send(Fixtures.request)
        #expect(quota.available == 490, "a success after a retry returns that retry's 5")

        _ = try await Fixtures.client(ScriptedTransport([Self.ok]), quota: quota).send(Fixtures.request)
        #expect(quota.available == 491, "a first-try success returns 1")

        let timingOut = ScriptedTransport([.wire(.timedOut)])
        await #expect(throws: AWSError.self) {
            try await Fixtures.client(timingOut, maxAttempts: 2, quota: quota).send(Fixtures.request)
        }
        #expect(quota.available == 481, "a retry after a timeout costs 10")
    }

    @Test func aFullBucketIsNotOverfilled() async throws {
        let quota = RetryQuota()
        _ = try await Fixtures.client(ScriptedTransport([Self.ok]), quota: quota).send(Fixtures.request)
        #expect(quota.available == 500)
    }

    @Test func anExhaustedQuotaFailsFastWithoutWaiting() async {
        let quota = RetryQuota()
        for _ in 0..<50 {
            let transport = ScriptedTransport([], fallback: .status(503))
            await #expect(throws: AWSError.self) {
                try await Fixtures.client(transport, quota: quota).send(Fixtures.request)
            }
        }
        #expect(quota.available == 0)
        let transport = ScriptedTransport([], fallback: .status(503))
        let clock = TestClock()
        let error = await #expect(throws: AWSError.self) {
            try await Fixtures.client(transport, clock: clock, quota: quota).send(Fixtures.request)
        }
        #expect(error?.code == "ServiceUnavailable")
        #expect(transport.attempts == 1)
        #expect(clock.waits.isEmpty)
    }

    @Test func aQuotaTooSmallForTheSecondRetryStopsAfterOneWait() async {
        let quota = RetryQuota(capacity: 7)
        let transport = ScriptedTransport([], fallback: Self.throttled)
        let clock = TestClock()
        await #expect(throws: AWSError.self) {
            try await Fixtures.client(transport, clock: clock, maxAttempts: 5, quota: quota).send(Fixtures.request)
        }
        #expect(transport.attempts == 2)
        #expect(clock.waits.count == 1)
        #expect(quota.available == 2)
    }
}
