import Locking
import TestSupport
import Testing

@testable import HTTP

/// The transport's event loop: requests really in flight together on one thread, cancellation that
/// does not wait for the server, and a thread that ends when idle and starts again when needed.
@Suite struct CurlTransportLoopTests {
    @Test func aHundredSendsAreInFlightAtOnceWithoutAThreadEach() async throws {
        let gate = ReplyGate()
        defer { gate.open() }
        // Every reply waits until all hundred requests have arrived, which serialised sends never do.
        let server = try LoopbackServer { request in
            await gate.wait()
            return .respond(status: 200, body: Array(request.target.utf8))
        }
        defer { server.stop() }
        let transport = try CurlTransport(options: .init(maxConcurrentRequests: 100))
        let before = ThreadCensus.now()

        let (allArrived, started, loopThread, matches) = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<100 {
                group.addTask {
                    let request = HTTPRequest(method: "GET", url: server.baseURL + "/\(index)")
                    let response = try await transport.send(request)
                    return response.body == Array("/\(index)".utf8)
                }
            }
            let allArrived = await waitUntil { server.receivedRequests == 100 }
            // Threads that run through a tenth of a second of the hold, which a thread per transfer would.
            // Not counted: the server's threads (one per connection), the loop threads of transports that
            // tests running alongside use, and the threads of Swift's global executor (dispatch's
            // default-QoS root queue), which grows whenever a test blocks one of them, as
            // `LoopbackServer.stop()` does, by dozens under ThreadSanitizer.
            let during = ThreadCensus.now()
            try await Task.sleep(for: .milliseconds(100))
            let loopThread = transport.loop.threadID
            let held = during.stillRunning(in: ThreadCensus.now())
            let started = held.started(since: before).filter { thread in
                let isOtherLoop = thread.name == TransferLoop.threadName && thread.id != loopThread
                let isExecutor = thread.name == ThreadCensus.globalExecutorName
                return thread.name != LoopbackServer.threadName && !isOtherLoop && !isExecutor
            }
            gate.open()
            return (allArrived, started, loopThread, try await group.reduce(0) { $0 + ($1 ? 1 : 0) })
        }

        #expect(allArrived, "only \(server.receivedRequests) of 100 requests were in flight at once")
        #expect(matches == 100)
        // Alone, this test starts one thread: the loop's. The slack is for threads that tests running
        // alongside start meanwhile (dispatch's overcommit workers: up to 6 seen with HTTPTests and
        // AWSTests); a thread per transfer (the old design's were overcommit workers) would add a hundred.
        #expect(started.count < 25, "threads started: \(started.map(\.name))")
        #expect(loopThread.map { thread in started.contains { $0.id == thread } } == true)
    }

    @Test func cancellingOneOfManyTransfersLeavesTheOthersToFinish() async throws {
        let gate = ReplyGate(openingAfter: .seconds(60))
        defer { gate.open() }
        let server = try LoopbackServer { _ in
            await gate.wait()
            return .text(200, "done")
        }
        defer { server.stop() }
        let transport = try CurlTransport()
        let tasks = (0..<20).map { index in
            Task { try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/\(index)")) }
        }
        #expect(await waitUntil { server.receivedRequests == 20 })

        tasks[7].cancel()
        // The gate is still shut (until the watchdog's minute), so only the cancellation can end it now.
        await #expect(throws: CancellationError.self) { try await tasks[7].value }
        gate.open()

        for (index, task) in tasks.enumerated() where index != 7 {
            let response = try await task.value
            #expect(response.status == 200)
        }
    }

    @Test func noMoreRequestsThanTheWidthAreOnTheWireAtOnce() async throws {
        let gate = ReplyGate(openingAfter: .seconds(60))
        defer { gate.open() }
        // How many requests the server holds at once, and the most it ever held.
        let load = Locked((now: 0, most: 0))
        let server = try LoopbackServer { request in
            load.withLock { $0 = (now: $0.now + 1, most: max($0.most, $0.now + 1)) }
            await gate.wait()
            load.withLock { $0.now -= 1 }
            return .respond(status: 200, body: Array(request.target.utf8))
        }
        defer { server.stop() }
        let transport = try CurlTransport(options: .init(maxConcurrentRequests: 4))
        let tasks = (0..<12).map { index in
            Task { try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/\(index)")) }
        }
        #expect(await waitUntil { server.receivedRequests == 4 })
        // Long enough for a fifth request to reach the server, were it sent.
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.receivedRequests == 4)

        gate.open()
        for (index, task) in tasks.enumerated() {
            let response = try await task.value
            #expect(response.body == Array("/\(index)".utf8))
        }
        #expect(server.receivedRequests == 12)
        #expect(load.withLock { $0.most } == 4)
    }

    @Test func waitingRequestsGoOutInTheOrderTheyWereSentAndCanBeCancelled() async throws {
        let gate = ReplyGate(openingAfter: .seconds(60))
        defer { gate.open() }
        let arrivals = Locked<[String]>([])
        let server = try LoopbackServer { request in
            arrivals.withLock { $0.append(request.target) }
            await gate.wait()
            return .text(200, "ok")
        }
        defer { server.stop() }
        let transport = try CurlTransport(options: .init(maxConcurrentRequests: 1))
        var tasks: [Task<HTTPResponse, any Error>] = []
        for index in 0..<6 {
            let request = HTTPRequest(method: "GET", url: server.baseURL + "/\(index)")
            tasks.append(Task { try await transport.send(request) })
            if index == 0 {
                #expect(await waitUntil { server.receivedRequests == 1 })
            } else {
                // Each send is queued before the next one starts.
                try await Task.sleep(for: .milliseconds(50))
            }
        }

        // A waiting request ends at once when cancelled: the first still holds the only place.
        tasks[3].cancel()
        await #expect(throws: CancellationError.self) { try await tasks[3].value }
        gate.open()
        for (index, task) in tasks.enumerated() where index != 3 {
            #expect(try await task.value.status == 200)
        }

        #expect(arrivals.withLock { $0 } == ["/0", "/1", "/2", "/4", "/5"])
    }

    @Test func cancellingAtAnyMomentResumesEachCallerOnceAndTheTransportKeepsWorking() async throws {
        let server = try LoopbackServer { _ in .text(200, "ok") }
        defer { server.stop() }
        let transport = try CurlTransport()
        let request = HTTPRequest(method: "GET", url: server.baseURL + "/")

        // Cancelled before it is queued, while queued, while running, and after it finished.
        for round in 0..<60 {
            let task = Task { try await transport.send(request) }
            if round % 4 != 0 {
                try await Task.sleep(for: .microseconds(50 * round))
            }
            task.cancel()
            do {
                let response = try await task.value
                #expect(response.status == 200)
            } catch {
                #expect(error is CancellationError, "round \(round): \(error)")
            }
        }
        let response = try await transport.send(request)

        #expect(response.status == 200)
    }

    @Test func theLoopThreadEndsAfterItsLingerAndTheNextSendStartsAnother() async throws {
        // The loop thread is looked up while the server holds the first request, when it surely
        // runs: after the reply it may already have ended (a sanitized build can take longer than
        // the linger to resume the caller).
        let transportBox = Locked<CurlTransport?>(nil)
        let threadsSeen = Locked<[Int32?]>([])
        let server = try LoopbackServer { _ in
            let thread = transportBox.withLock { $0?.loop.threadID }
            threadsSeen.withLock { $0.append(thread) }
            return .text(200, "ok")
        }
        defer { server.stop() }
        let transport = try CurlTransport()
        transportBox.withLock { $0 = transport }
        defer { transportBox.withLock { $0 = nil } }
        let request = HTTPRequest(method: "GET", url: server.baseURL + "/")

        _ = try await transport.send(request)
        let thread = try #require(threadsSeen.withLock { $0.first } ?? nil)
        #expect(await waitUntil(timeout: .seconds(30)) { !ThreadCensus.isRunning(thread) })
        #expect(transport.loop.threadID == nil)
        let response = try await transport.send(request)

        #expect(response.status == 200)
        // A loop thread was started again for the second request, which went on the connection
        // that waited in the multi handle's cache while no thread ran.
        #expect(threadsSeen.withLock { $0.count == 2 && $0[1] != nil })
        #expect(server.acceptedConnections == 1)
    }

    @Test func aTransportThatGoesAwayEndsItsIdleThreadWithoutLingering() async throws {
        let server = try LoopbackServer { _ in .text(200, "ok") }
        defer { server.stop() }
        var transport: CurlTransport? = try CurlTransport(options: .init(), linger: .seconds(3600))

        _ = try await transport?.send(HTTPRequest(method: "GET", url: server.baseURL + "/"))
        let thread = try #require(transport?.loop.threadID)
        weak let loop = transport?.loop
        transport = nil

        #expect(await waitUntil(timeout: .seconds(30)) { !ThreadCensus.isRunning(thread) }, "it would linger an hour")
        // Freed with it: the multi handle, its connections and the idle easy handles.
        #expect(await waitUntil(timeout: .seconds(30)) { loop == nil })
    }
}
