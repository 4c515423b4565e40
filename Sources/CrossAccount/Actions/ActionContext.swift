import AWS
import Foundation

/// What an ensure action needs: the account it acts in, whether to apply or only plan, and how
/// long to wait for IAM's eventual consistency.
public struct ActionContext: Sendable {
    /// The account acted in.
    public var account: Account
    /// Apply changes, or only read and plan them (`--dry-run`).
    public var mode: ActionMode
    /// Bounded waiting for freshly created principals and policies to be honoured.
    public var propagation: Propagation

    /// Creates a context.
    public init(account: Account, mode: ActionMode = .apply, propagation: Propagation = .standard) {
        self.account = account
        self.mode = mode
        self.propagation = propagation
    }

    /// Whether changes are only planned.
    public var isPlanning: Bool { mode == .plan }
}

/// Whether actions change state.
public enum ActionMode: Sendable, Equatable {
    /// Read the state and change what differs.
    case apply
    /// Read the state and report what would change; send no mutating call.
    case plan
}

/// How long to retry calls that fail only because a new IAM principal or policy has not
/// propagated yet (AWS: "changes are eventually consistent", typically seconds).
public struct Propagation: Sendable {
    /// Attempts in all.
    public var attempts: Int
    /// Seconds between attempts.
    public var delay: TimeInterval
    /// Time and waiting.
    public var clock: WallClock

    /// Creates a policy.
    public init(attempts: Int, delay: TimeInterval, clock: WallClock = .system) {
        self.attempts = attempts
        self.delay = delay
        self.clock = clock
    }

    /// Up to 30 seconds, every 2 seconds.
    public static let standard = Propagation(attempts: 15, delay: 2)

    /// Runs `body` until it succeeds, retrying while `isPropagationError` says the failure may be
    /// eventual consistency, at most `attempts` times.
    /// - Throws: the last error, or anything `body` throws that is not a propagation error.
    public func retrying<T: Sendable>(
        while isPropagationError: @Sendable (AWSError) -> Bool, _ body: @Sendable () async throws(AWSError) -> T
    ) async throws(AWSError) -> T {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch  where attempt < attempts && isPropagationError(error) {
                attempt += 1
                do {
                    try await clock.sleep(delay)
                } catch {
                    throw AWSError.cancelled(service: .iam, operation: "waiting for IAM propagation")
                }
            }
        }
    }
}
