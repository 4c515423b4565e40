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
    /// Condition keys such as `aws:SourceArn` on the edited write statement. CloudTrail in an added
    /// account is refused unless these conditions also admit it, so callers should show them.
    public let sourceConditionKeys: [String]

    /// Records the result of an edit.
    public init(
        document: PolicyDocument, added: [AccountID] = [], alreadyPresent: [AccountID] = [],
        removed: [AccountID] = [], notPresent: [AccountID] = [], createdStatements: [String] = [],
        sourceConditionKeys: [String] = []
    ) {
        self.document = document
        self.added = added
        self.alreadyPresent = alreadyPresent
        self.removed = removed
        self.notPresent = notPresent
        self.createdStatements = createdStatements
        self.sourceConditionKeys = sourceConditionKeys
    }

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
