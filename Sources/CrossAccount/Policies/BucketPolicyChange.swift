/// The outcome of editing a bucket policy: the policy to write and what changed in it.
public struct BucketPolicyChange: Sendable, Hashable {
    /// The policy after the edit (identical to the one read when nothing changed).
    public let document: PolicyDocument
    /// Accounts whose log prefix was added.
    public let added: [AccountID]
    /// Accounts whose log prefix was already admitted, so nothing was added for them.
    public let alreadyPresent: [AccountID]
    /// Accounts whose log prefix was removed.
    public let removed: [AccountID]
    /// Accounts asked to be removed that the policy did not list.
    public let notPresent: [AccountID]
    /// The `Sid`s of statements created because the policy had none for CloudTrail.
    public let createdStatements: [String]

    /// Whether the policy is the same as before, so there is nothing to write.
    public var isUnchanged: Bool {
        added.isEmpty && removed.isEmpty && createdStatements.isEmpty
    }

    /// Whether the edit left no statement, so the bucket policy should be deleted rather than written.
    public var isEmpty: Bool { document.statements.isEmpty }

    /// The text to write: compact and canonical.
    public var text: String { document.compactText }

    /// The size S3 will count for `text`, in bytes.
    public var byteCount: Int { document.byteCount }
}
