import Foundation
import SigV4
import Testing

/// Reuse, scoping and bounds of derived signing keys.
@Suite struct SigningKeyCacheTests {
    let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    let request = SignableRequest(method: "GET", host: "iam.amazonaws.com")

    private func signature(
        _ signer: SigV4Signer, _ credentials: SigningCredentials = Fixtures.credentials, at date: Date
    ) throws -> String {
        try signer.trace(request, credentials: credentials, date: date, mode: .header).signature
    }

    @Test func secondSigningOfTheDayReusesTheKey() throws {
        let cache = SigningKeyCache(capacity: 4)
        let signer = SigV4Signer(service: "iam", region: "us-east-1", keyCache: cache)
        let first = try signature(signer, at: date)
        let second = try signature(signer, at: date.addingTimeInterval(3600))
        #expect(cache.statistics == SigningKeyCache.Statistics(hits: 1, misses: 1, count: 1))
        #expect(first != second)  // different timestamps, same key
    }

    @Test func cachedKeyGivesTheSameSignatureAsAFreshOne() throws {
        let warm = SigningKeyCache(capacity: 4)
        let signer = SigV4Signer(service: "iam", region: "us-east-1", keyCache: warm)
        _ = try signature(signer, at: date)
        let fromCache = try signature(signer, at: date)
        let fresh = try signature(
            SigV4Signer(service: "iam", region: "us-east-1", keyCache: SigningKeyCache(capacity: 1)), at: date)
        #expect(warm.statistics.hits == 1)
        #expect(fromCache == fresh)
    }

    @Test func keysAreScopedByDayRegionServiceAndAccessKey() throws {
        let cache = SigningKeyCache(capacity: 8)
        _ = try signature(SigV4Signer(service: "iam", region: "us-east-1", keyCache: cache), at: date)
        _ = try signature(
            SigV4Signer(service: "iam", region: "us-east-1", keyCache: cache), at: date.addingTimeInterval(86_400))
        _ = try signature(SigV4Signer(service: "iam", region: "eu-west-1", keyCache: cache), at: date)
        _ = try signature(SigV4Signer(service: "sts", region: "us-east-1", keyCache: cache), at: date)
        let other = SigV4Signer(service: "iam", region: "us-east-1", keyCache: cache)
        _ = try signature(other, Fixtures.temporaryCredentials, at: date)
        #expect(cache.statistics == SigningKeyCache.Statistics(hits: 0, misses: 5, count: 5))
    }

    @Test func rotatedSecretIsNotServedTheOldKey() throws {
        let cache = SigningKeyCache(capacity: 4)
        let signer = SigV4Signer(service: "iam", region: "us-east-1", keyCache: cache)
        var rotated = Fixtures.credentials
        rotated.secretAccessKey = "rotated-secret-EXAMPLE"
        let before = try signature(signer, at: date)
        let after = try signature(signer, rotated, at: date)
        #expect(before != after)
        #expect(cache.statistics.hits == 0)
    }

    /// Every assumed role signs with its own key: a setup of 400 accounts, each calling IAM and
    /// CloudTrail in turn, derives each key once with the default capacity.
    @Test func defaultCapacityHoldsTheKeysOfALargeSetup() throws {
        let cache = SigningKeyCache(capacity: SigningKeyCache.defaultCapacity)
        let signers = ["iam", "cloudtrail"].map { SigV4Signer(service: $0, region: "us-east-1", keyCache: cache) }
        let accounts = (0..<400).map {
            SigningCredentials(accessKeyID: "ASIAEXAMPLE\($0)", secretAccessKey: "secret-\($0)", sessionToken: "t")
        }
        for _ in 0..<2 {
            for credentials in accounts {
                for signer in signers { _ = try signature(signer, credentials, at: date) }
            }
        }
        #expect(cache.statistics == SigningKeyCache.Statistics(hits: 800, misses: 800, count: 800))
    }

    @Test func cacheStaysWithinCapacity() throws {
        let cache = SigningKeyCache(capacity: 2)
        for region in ["us-east-1", "us-east-2", "eu-west-1", "eu-west-2"] {
            _ = try signature(SigV4Signer(service: "iam", region: region, keyCache: cache), at: date)
        }
        #expect(cache.statistics.count == 2)
        // The oldest scope was evicted, the newest kept.
        _ = try signature(SigV4Signer(service: "iam", region: "eu-west-2", keyCache: cache), at: date)
        _ = try signature(SigV4Signer(service: "iam", region: "us-east-1", keyCache: cache), at: date)
        #expect(cache.statistics.hits == 1)
    }

    @Test func concurrentSigningSharesOneCacheSafely() async throws {
        let cache = SigningKeyCache(capacity: 4)
        let signer = SigV4Signer(service: "iam", region: "us-east-1", keyCache: cache)
        let expected = try signature(signer, at: date)
        let signatures = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<32 { group.addTask { try signature(signer, at: date) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(signatures.allSatisfy { $0 == expected })
        #expect(cache.statistics.hits + cache.statistics.misses == 33)
    }
}
