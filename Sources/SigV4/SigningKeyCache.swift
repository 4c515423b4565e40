import Locking

/// A bounded, thread-safe store of derived SigV4 signing keys, shared by signer values.
///
/// A signing key depends on the secret, the day, the region and the service, and deriving it
/// costs four HMACs ("Create a signed AWS API request", step 4), so it is worth reusing for every
/// request of the day. Keys never leave this type except into the signer's HMAC.
public final class SigningKeyCache: Sendable {
    /// What identifies a signing key, apart from the secret it is derived from.
    struct Scope: Hashable, Sendable {
        let accessKeyID: String
        let day: String
        let region: String
        let service: String
    }

    /// A cached key together with the secret it came from, so a rotated secret is not served a stale key.
    private struct Entry {
        let secret: String
        let key: [UInt8]
    }

    /// The mutable cache state guarded by the mutex.
    private struct State {
        var entries: [Scope: Entry] = [:]
        var insertionOrder: [Scope] = []
        var hits = 0
        var misses = 0
    }

    /// Counters that let callers and tests see whether keys are being reused.
    public struct Statistics: Sendable, Equatable {
        /// Lookups answered from the cache.
        public var hits: Int
        /// Lookups that had to derive a key.
        public var misses: Int
        /// Keys currently held.
        public var count: Int

        /// Creates a set of counters, e.g. to compare against in tests.
        public init(hits: Int, misses: Int, count: Int) {
            self.hits = hits
            self.misses = misses
            self.count = count
        }
    }

    /// Room for a key per account and service of a large setup: each assumed role signs with its
    /// own access key, and 500 accounts using IAM and CloudTrail need 1,000 keys. The oldest-first
    /// eviction misses on every request once an organisation's keys outnumber it (64 did at 100
    /// accounts: every request derived its key again). An entry is about 300 bytes.
    public static let defaultCapacity = 1024

    /// The cache every signer uses unless given another.
    public static let shared = SigningKeyCache(capacity: defaultCapacity)

    /// The most keys held at once; the oldest is evicted first.
    public let capacity: Int
    private let state = Locked(State())

    /// Creates an empty cache holding at most `capacity` keys (at least one).
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The current hit, miss and size counters.
    public var statistics: Statistics {
        state.withLock { Statistics(hits: $0.hits, misses: $0.misses, count: $0.entries.count) }
    }

    /// Returns the key for `scope` and `secret`, deriving and storing it on a miss.
    ///
    /// Derivation runs outside the lock; two threads missing at once both derive the same key.
    /// - Throws: whatever `derive` throws; nothing is stored then.
    func key(
        for scope: Scope, secret: String, derive: () throws(SigningError) -> [UInt8]
    ) throws(SigningError) -> [UInt8] {
        let cached = state.withLock { state -> [UInt8]? in
            guard let entry = state.entries[scope], entry.secret == secret else {
                state.misses += 1
                return nil
            }
            state.hits += 1
            return entry.key
        }
        if let cached { return cached }
        let key = try derive()
        state.withLock { store(Entry(secret: secret, key: key), for: scope, in: &$0) }
        return key
    }

    /// Inserts or replaces an entry, evicting the oldest keys beyond `capacity`.
    private func store(_ entry: Entry, for scope: Scope, in state: inout State) {
        if state.entries.updateValue(entry, forKey: scope) == nil {
            state.insertionOrder.append(scope)
        }
        while state.insertionOrder.count > capacity {
            state.entries[state.insertionOrder.removeFirst()] = nil
        }
    }
}
