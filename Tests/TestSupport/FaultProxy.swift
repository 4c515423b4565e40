import Foundation
import HTTP
import Locking

/// A fault-injecting HTTP proxy on 127.0.0.1 in front of the emulator, for reliability tests.
///
/// For a seeded fraction of requests (``FaultProxyRandom`` from the seed, so a seed replays the same
/// choices in the same request order) it injects one ``FaultProxyKind``; every other request is forwarded
/// unchanged, `Host` and signature included. A `rule` can pick the fault instead, for targeted tests such
/// as "lose the reply of the first `CreateAccessKey`". It counts each kind injected and records, for
/// the secret search, every `SecretAccessKey` and `SessionToken` value the emulator sent back and every
/// request signature and `X-Amz-Security-Token` the client sent.
///
/// ```swift
/// let proxy = try FaultProxy(upstream: emulator.endpoint, seed: 7, rate: 0.2)
/// defer { proxy.stop() }
/// // point clients at proxy.baseURL ...
/// print(proxy.summary)
/// ```
public final class FaultProxy: Sendable {
    /// Picks the fault for a request, or nil to leave it to the seeded fraction.
    public typealias Rule = @Sendable (FaultProxyRequest) -> FaultProxyKind?

    /// The mutable state: the generator, counts and what was seen.
    fileprivate struct State {
        var random: FaultProxyRandom
        var seen = 0
        var counts: [FaultProxyKind: Int] = [:]
        var log: [(request: FaultProxyRequest, fault: FaultProxyKind?)] = []
        var secrets: Set<String> = []
    }

    private let shared: FaultProxyState
    private let server = Locked<LoopbackServer?>(nil)

    /// Starts a proxy forwarding to `upstream` (a base URL such as `http://127.0.0.1:5000`).
    ///
    /// - Parameters:
    ///   - seed: seeds the choice of requests and kinds.
    ///   - rate: the fraction of requests faulted, 0 to 1.
    ///   - kinds: the kinds chosen from, uniformly.
    ///   - delay: how long a `.delay` fault holds the reply back.
    ///   - rule: picks a fault for a request before the seeded choice is made.
    /// - Throws: ``LoopbackServerError`` or ``HTTPError`` when the proxy cannot start.
    public init(
        upstream: String, seed: UInt64 = 1, rate: Double = 0, kinds: [FaultProxyKind] = FaultProxyKind.allCases,
        delay: Duration = .milliseconds(150), rule: Rule? = nil
    ) throws {
        let state = FaultProxyState(State(random: FaultProxyRandom(seed: seed)))
        shared = state
        let transport = try CurlTransport(options: .init(caBundlePath: nil))
        let choose: @Sendable (FaultProxyRequest) -> FaultProxyKind? = { request in
            if let kind = rule?(request) {
                return kind
            }
            return state.value.withLock { state in
                guard !kinds.isEmpty, state.random.unit() < rate else {
                    return nil
                }
                return kinds[Int(state.random.next() % UInt64(kinds.count))]
            }
        }
        let started = try LoopbackServer(upstream: transport) { received in
            let request = state.value.withLock { state in
                defer { state.seen += 1 }
                return FaultProxyRequest(received, index: state.seen)
            }
            let fault = choose(request)
            let sent = FaultProxySecrets.values(inRequestHeaders: received.headers)
            state.value.withLock { state in
                state.secrets.formUnion(sent)
                state.log.append((request, fault))
                if let fault { state.counts[fault, default: 0] += 1 }
            }
            let forwarded = Forwarding(upstream: upstream, transport: transport, delay: delay)
            return await forwarded.answer(received, as: request, fault: fault) { body in
                let found = FaultProxySecrets.values(in: body)
                state.value.withLock { $0.secrets.formUnion(found) }
            }
        }
        server.withLock { $0 = started }
    }

    /// The proxy's base URL, `http://127.0.0.1:<port>`, to use as the endpoint URL.
    public var baseURL: String {
        server.withLock { $0?.baseURL ?? "" }
    }

    /// How many faults of each kind were injected so far.
    public var counts: [FaultProxyKind: Int] {
        shared.value.withLock { $0.counts }
    }

    /// The number of faults injected so far, all kinds together.
    public var faultCount: Int {
        counts.values.reduce(0, +)
    }

    /// Every request seen, in order, with the fault injected into it.
    public var log: [(request: FaultProxyRequest, fault: FaultProxyKind?)] {
        shared.value.withLock { $0.log }
    }

    /// Every `SecretAccessKey` and `SessionToken` value in the replies forwarded so far, and every
    /// signature and session token in the requests.
    public var recordedSecrets: Set<String> {
        shared.value.withLock { $0.secrets }
    }

    /// One line counting each kind injected, such as `slowDown=2 internalError=0 ...`.
    public var summary: String {
        let counts = counts
        return FaultProxyKind.allCases.map { "\($0.rawValue)=\(counts[$0, default: 0])" }.joined(separator: " ")
    }

    /// Stops the proxy and closes its connections. Calling it again does nothing.
    public func stop() {
        let stopped = server.withLock { server in
            defer { server = nil }
            return server
        }
        stopped?.stop()
    }

    /// A rule that injects `kind` into the first request for `operation` only.
    public static func once(_ kind: FaultProxyKind, operation: String) -> Rule {
        let done = Locked(false)
        return { request in
            guard request.operation == operation else {
                return nil
            }
            return done.withLock { done in
                defer { done = true }
                return done ? nil : kind
            }
        }
    }
}

extension FaultProxy {
    /// How the proxy reaches the emulator.
    private struct Forwarding: Sendable {
        /// The emulator's base URL.
        var upstream: String
        /// The transport to the emulator.
        var transport: any HTTPTransport
        /// How long a `.delay` fault holds the reply back.
        var delay: Duration

        /// The reply for one request, with `fault` injected; `record` sees every forwarded reply body.
        func answer(
            _ received: LoopbackServer.ReceivedRequest, as request: FaultProxyRequest, fault: FaultProxyKind?,
            record: ([UInt8]) -> Void
        ) async -> LoopbackServer.Reply {
            switch fault {
            case .slowDown: return FaultProxyErrors.slowDown()
            case .internalError: return FaultProxyErrors.internalError(for: request)
            case .throttling: return FaultProxyErrors.throttling(for: request)
            case .dropBeforeForwarding: return .closeConnection
            case .delay, .dropAfterForwarding, nil: break
            }
            let reply = await LoopbackServer.forward(received, to: upstream, using: transport)
            guard case .respond(let status, let headers, let body, _) = reply else {
                return reply
            }
            record(body)
            switch fault {
            case .dropAfterForwarding: return .closeConnection
            case .delay: return .respond(status: status, headers: headers, body: body, delay: delay)
            default: return reply
            }
        }
    }
}

/// Holds the proxy's state so the server's handler and the proxy share one lock.
private final class FaultProxyState: Sendable {
    /// The state behind its lock.
    let value: Locked<FaultProxy.State>

    /// Creates the holder.
    init(_ state: FaultProxy.State) {
        value = Locked(state)
    }
}
