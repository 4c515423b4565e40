import AWS
import Services

/// The three IAM calls access-key provisioning needs; a seam so tests can lose a reply on purpose.
public protocol AccessKeyStore: Sendable {
    /// The user's keys, without secrets.
    /// - Throws: `AWSError`.
    func listAccessKeys(userName: String) async throws(AWSError) -> [AccessKeyMetadata]
    /// A new key; its secret is only in this reply.
    /// - Throws: `AWSError`.
    func createAccessKey(userName: String) async throws(AWSError) -> NewAccessKey
    /// Deletes a key.
    /// - Throws: `AWSError`.
    func deleteAccessKey(userName: String, accessKeyID: String) async throws(AWSError)
}

extension IAM: AccessKeyStore {}

/// Creates one access key so that exactly one new key remains whose secret was received.
///
/// The reply to `CreateAccessKey` may be lost after IAM created the key (and the client may retry,
/// creating another). A key nobody saw the secret of is useless and a liability, so the keys are
/// listed before and after: every key that appeared and is not the one received is deleted.
public struct AccessKeyProvisioner: Sendable {
    /// The IAM calls.
    public var store: any AccessKeyStore
    /// How many times `CreateAccessKey` is tried when its reply does not arrive.
    public var attempts: Int

    /// Creates a provisioner.
    public init(store: any AccessKeyStore, attempts: Int = 2) {
        self.store = store
        self.attempts = attempts
    }

    /// The outcome: the key received and the keys deleted because their secret never arrived.
    public struct Result: Sendable {
        /// The new key, with its secret.
        public var key: NewAccessKey
        /// Ids of keys created without their reply, now deleted.
        public var deletedOrphans: [String]
    }

    /// Creates the key and removes any key whose secret was lost; `existing` is the user's key ids
    /// when the caller has just listed them (nil: they are listed first).
    /// - Throws: `AWSError` from listing or deleting, or the last `CreateAccessKey` failure when no
    ///   key could be received; orphans found on the way are deleted first.
    public func provision(user: String, existing: [String]? = nil) async throws(AWSError) -> Result {
        let before: Set<String>
        if let existing {
            before = Set(existing)
        } else {
            before = Set(try await store.listAccessKeys(userName: user).map(\.accessKeyID))
        }
        var deleted: [String] = []
        var lastError: AWSError?
        for _ in 0..<max(attempts, 1) {
            var received: NewAccessKey?
            do {
                received = try await store.createAccessKey(userName: user)
            } catch {
                lastError = error
            }
            let after = try await store.listAccessKeys(userName: user).map(\.accessKeyID)
            for orphan in Self.orphans(before: before, after: after, received: received?.accessKeyID) {
                try await delete(orphan, user: user)
                deleted.append(orphan)
            }
            if let received { return Result(key: received, deletedOrphans: deleted) }
            if let error = lastError, !Self.mayBeLostReply(error) { throw error }
        }
        throw lastError
            ?? .malformedResponse(
                service: .iam, operation: "CreateAccessKey", status: 0, reason: "no access key was received")
    }

    /// Deletes a key; `NoSuchEntity` means it is gone already (a retry after a lost reply).
    /// - Throws: `AWSError`.
    private func delete(_ accessKeyID: String, user: String) async throws(AWSError) {
        do {
            try await store.deleteAccessKey(userName: user, accessKeyID: accessKeyID)
        } catch let error where error.code == "NoSuchEntity" {
            return
        }
    }

    /// Keys listed `after` that were not there `before` and are not the key received.
    public static func orphans(before: Set<String>, after: [String], received: String?) -> [String] {
        after.filter { !before.contains($0) && $0 != received }
    }

    /// Whether a failure may have happened after IAM created the key (the reply did not arrive or
    /// could not be read), so trying again is safe once orphans are removed.
    static func mayBeLostReply(_ error: AWSError) -> Bool {
        switch error {
        case .transport, .malformedResponse: true
        case .service(let service): service.status >= 500
        default: false
        }
    }
}
