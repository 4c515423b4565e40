import Locking

/// The token bucket of the AWS SDKs' "standard" retry mode, shared by every client of a session.
///
/// From the AWS SDKs and Tools reference guide ("Retry behavior"): the bucket starts with 500
/// tokens; a retry costs 5 (10 after a timeout); a success returns the retry's cost, or 1 when
/// the request needed no retry. With too few tokens the retry is not made, so a broken endpoint
/// fails fast instead of multiplying load.
public final class RetryQuota: Sendable {
    /// The bucket's size.
    public let capacity: Int
    /// Tokens a retry takes.
    public let retryCost: Int
    /// Tokens a retry after a timeout takes.
    public let timeoutRetryCost: Int
    /// Tokens a first-attempt success returns.
    public let successIncrement: Int
    private let tokens: Locked<Int>

    /// Creates a full bucket.
    public init(capacity: Int = 500, retryCost: Int = 5, timeoutRetryCost: Int = 10, successIncrement: Int = 1) {
        self.capacity = capacity
        self.retryCost = retryCost
        self.timeoutRetryCost = timeoutRetryCost
        self.successIncrement = successIncrement
        self.tokens = Locked(capacity)
    }

    /// The tokens left.
    public var available: Int {
        tokens.withLock { $0 }
    }

    /// Takes the cost of one retry; nil when the bucket holds too few tokens.
    public func acquire(afterTimeout: Bool) -> Int? {
        let cost = afterTimeout ? timeoutRetryCost : retryCost
        return tokens.withLock { value -> Int? in
            guard value >= cost else { return nil }
            value -= cost
            return cost
        }
    }

    /// Records a success: returns `retryCost` when the success followed retries, else the increment.
    public func recordSuccess(retryCost spent: Int?) {
        let refund = spent ?? successIncrement
        tokens.withLock { $0 = min(capacity, $0 + refund) }
    }
}
