import Foundation
import HTTP

/// Decides whether and when to retry a failed request, in the AWS "standard" retry mode.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included (`AWS_MAX_ATTEMPTS`, profile `max_attempts`; default 3).
    public var maxAttempts: Int
    /// The longest wait between attempts, in seconds.
    public var maxBackoff: TimeInterval
    /// The session's shared token bucket.
    public var quota: RetryQuota
    /// A uniform random number in [0, 1), injected for tests.
    public var random: @Sendable () -> Double

    /// Creates a policy.
    public init(
        maxAttempts: Int = 3, maxBackoff: TimeInterval = 20, quota: RetryQuota = RetryQuota(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxBackoff = maxBackoff
        self.quota = quota
        self.random = random
    }

    /// The attempt count configured by `AWS_MAX_ATTEMPTS`, else the profile's `max_attempts`.
    public static func configuredMaxAttempts(environment: Environment, profile: SharedConfig.Profile?) -> Int? {
        (environment["AWS_MAX_ATTEMPTS"] ?? profile?["max_attempts"]).flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }

    /// What to do after `attempt` (1-based) failed with `error`.
    public func decide(after error: AWSError, attempt: Int) -> RetryDecision {
        let category = RetryPolicy.classify(error)
        guard category.isRetryable else { return .fail(category) }
        guard attempt < maxAttempts else { return .fail(category) }
        guard let cost = quota.acquire(afterTimeout: category == .timeout) else { return .quotaExhausted }
        return .retry(after: backoff(attempt: attempt), cost: cost)
    }

    /// Full-jitter exponential backoff: a random share of `min(maxBackoff, 2^(attempt-1))` seconds.
    public func backoff(attempt: Int) -> TimeInterval {
        let ceiling = min(maxBackoff, pow(2, Double(max(0, attempt - 1))))
        return random() * ceiling
    }

    /// Sorts an error into the SDKs' retry categories.
    public static func classify(_ error: AWSError) -> ErrorCategory {
        switch error {
        case .transport(_, _, let httpError):
            switch httpError.kind {
            case .timedOut: return .timeout
            case .couldNotConnect, .sendFailed, .receiveFailed: return .transient
            default: return .permanent
            }
        case .service(let serviceError):
            if throttlingCodes.contains(serviceError.code) { return .throttling }
            if transientCodes.contains(serviceError.code) { return .transient }
            if expiredCredentialCodes.contains(serviceError.code) { return .expiredCredentials }
            if transientStatuses.contains(serviceError.status) { return .transient }
            return .permanent
        case .malformedResponse(_, _, let status, _):
            return transientStatuses.contains(status) ? .transient : .permanent
        default:
            return .permanent
        }
    }

    /// Throttling codes the AWS SDKs retry (botocore's standard-mode list, plus S3's `SlowDown`).
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    /// Transient codes the SDKs retry.
    static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
        "IDPCommunicationError",
    ]
    /// Transient HTTP statuses.
    static let transientStatuses: Set<Int> = [500, 502, 503, 504]
    /// Codes meaning the credentials expired: refresh them and try once more.
    static let expiredCredentialCodes: Set<String> = [
        "ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired",
    ]
}

/// How an error bears on retrying.
public enum ErrorCategory: Sendable, Equatable {
    case throttling, transient, timeout, expiredCredentials, permanent

    /// Whether the standard mode retries it.
    public var isRetryable: Bool {
        switch self {
        case .throttling, .transient, .timeout: true
        case .expiredCredentials, .permanent: false
        }
    }
}

/// The outcome of `RetryPolicy.decide`.
public enum RetryDecision: Sendable, Equatable {
    /// Wait this many seconds and send again; `cost` tokens were taken.
    case retry(after: TimeInterval, cost: Int)
    /// Give up: not retryable, or out of attempts.
    case fail(ErrorCategory)
    /// Give up: the shared retry quota is spent.
    case quotaExhausted
}
