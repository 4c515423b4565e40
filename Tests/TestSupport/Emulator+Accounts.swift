import AWS
import CrossAccount
import Foundation
import Locking
import Services

extension Emulator {
    /// The primary account, signed with the admin user's key.
    /// - Throws: when the transport cannot be created.
    public func primaryAccount(
        alias: String = "primary", observer: (@Sendable (CallRecord) -> Void)? = nil
    ) throws -> Account {
        try Account(
            alias: alias, id: AccountID(primary), principalARN: "arn:aws:iam::\(primary):user/s3x-admin",
            region: region, credentials: StaticCredentialProvider(adminCredentials), source: .profile("primary-admin"),
            factory: factory(observer: observer))
    }

    /// A secondary account, reached by assuming its admin role from the primary.
    /// - Throws: `AWSError` when the role cannot be assumed.
    public func secondaryAccount(
        _ id: String, alias: String, observer: (@Sendable (CallRecord) -> Void)? = nil
    ) async throws -> Account {
        let factory = try factory(observer: observer)
        let sts = try factory.sts(region: region, credentials: StaticCredentialProvider(adminCredentials))
        let assumed = try await sts.assumeRole(
            AssumeRoleRequest(roleARN: adminRoleARN(in: id), sessionName: "s3x-test", sourceDescription: "primary"))
        return try Account(
            alias: alias, id: AccountID(id), principalARN: assumed.assumedRoleARN, region: region,
            credentials: StaticCredentialProvider(assumed.credentials), source: assumed.credentials.source,
            factory: factory)
    }
}

/// Counts API calls by operation, for asserting that a second run makes no mutating call.
public final class CallCounter: Sendable {
    private let records = Locked<[CallRecord]>([])

    private func append(_ record: CallRecord) {
        records.withLock { $0.append(record) }
    }

    /// Creates an empty counter.
    public init() {}

    /// The observer to hand to a client factory.
    public var observer: @Sendable (CallRecord) -> Void {
        { [self] record in append(record) }
    }

    /// Every call seen.
    public var all: [CallRecord] { records.withLock { $0 } }

    /// The mutating calls seen, as `service:Operation`.
    public var mutating: [String] {
        all.filter(\.isMutating).map { "\($0.service.rawValue):\($0.operation)" }
    }

    /// Forgets what was seen.
    public func reset() { records.withLock { $0.removeAll() } }
}
