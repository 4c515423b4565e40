import AWS
import CrossAccount
import Services
import TestSupport
import Testing

/// The example setup through the fault proxy: with one request in five faulted, over several seeds, each
/// run completes and ends in exactly the state of a clean run.
@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason), .serialized)
struct FaultRunTests {
    /// The seeds of the faulted runs.
    static let seeds: [UInt64] = [11, 23, 37, 41, 59]

    @Test func faultedRunsEndInTheStateOfACleanRun() async throws {
        let emulator = try #require(Emulator.current)
        let direct = try await FaultedSession.connect(emulator, through: emulator.endpoint, retry: RetryPolicy())
        let clean = ProcedureRun()
        _ = try await clean.run(direct)
        let expected = try await SetupSnapshot.read(clean, in: direct)
        #expect(expected.lines.contains("primary access keys: 1, active 1"))
        var injected: [FaultProxyKind: Int] = [:]
        var requests = 0
        for seed in Self.seeds {
            let proxy = try FaultProxy(upstream: emulator.endpoint, seed: seed, rate: 0.2, delay: .milliseconds(100))
            defer { proxy.stop() }
            let session = try await FaultedSession.connect(emulator, through: proxy.baseURL)
            let run = ProcedureRun()
            let reports = try await run.run(session)
            let secrets = reports.flatMap(\.secrets)
            #expect(secrets.count == 1, "seed \(seed): the new key's secret is shown once")
            let actual = try await SetupSnapshot.read(run, in: direct)
            #expect(actual == expected, "seed \(seed): \(proxy.summary)")
            print("fault run seed \(seed): \(proxy.log.count) requests, \(proxy.faultCount) faults: \(proxy.summary)")
            requests += proxy.log.count
            injected.merge(proxy.counts, uniquingKeysWith: +)
        }
        print("fault runs: \(Self.seeds.count) runs, \(requests) requests, \(injected.values.reduce(0, +)) faults")
        for kind in FaultProxyKind.allCases {
            #expect(injected[kind, default: 0] > 0, "\(kind) was never injected")
        }
    }
}
