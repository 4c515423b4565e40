import Foundation
import HTTP

/// What every service client of a session shares: the transport, the retry policy and its
/// quota, the clock, the logger, and observers.
public struct ClientContext: Sendable {
    /// Sends HTTP requests.
    public var transport: any HTTPTransport
    /// Retry decisions and the shared retry quota.
    public var retry: RetryPolicy
    /// Time and waiting.
    public var clock: WallClock
    /// Trace and debug records.
    public var logger: Logger
    /// Called once per attempt sent, for counting calls (benchmarks, tests, dry-run proofs).
    public var observer: (@Sendable (CallRecord) -> Void)?
    /// When true, a mutating call is refused before it is sent (a safety net under `--dry-run`).
    public var refusesMutations: Bool
    /// Asked before every attempt and every wait: true stops the run at that safe point.
    public var isInterrupted: @Sendable () -> Bool

    /// Creates a context.
    public init(
        transport: any HTTPTransport, retry: RetryPolicy = RetryPolicy(), clock: WallClock = .system,
        logger: Logger = .none, observer: (@Sendable (CallRecord) -> Void)? = nil, refusesMutations: Bool = false,
        isInterrupted: @escaping @Sendable () -> Bool = { false }
    ) {
        self.transport = transport
        self.retry = retry
        self.clock = clock
        self.logger = logger
        self.observer = observer
        self.refusesMutations = refusesMutations
        self.isInterrupted = isInterrupted
    }
}

/// One attempt of one API call, as reported to `ClientContext.observer`.
public struct CallRecord: Sendable, Equatable {
    /// The service called.
    public var service: ServiceID
    /// The operation, e.g. `PutBucketPolicy`.
    public var operation: String
    /// Whether the operation changes state.
    public var isMutating: Bool
    /// 1 for the first attempt.
    public var attempt: Int
    /// The HTTP status, or nil when the request failed on the wire.
    public var status: Int?
    /// Wall time of the attempt in seconds.
    public var seconds: Double
}
