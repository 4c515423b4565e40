/// Adds or removes accounts' CloudTrail log prefixes in a bucket policy, keeping everything else as it was.
///
/// The statement edited is the one that allows `s3:PutObject` to `cloudtrail.amazonaws.com` on this
/// bucket. Other statements, their order, `Sid`s, conditions and unknown fields are kept. Edits are
/// idempotent: granting an account already admitted, or revoking one not listed, changes nothing.
public struct BucketPolicyEditor: Sendable {
    /// S3's limit on a bucket policy, 20 KB (S3 User Guide, "Bucket policies").
    public static let sizeLimit = 20_480

    /// The bucket whose policy is edited.
    public let bucket: BucketName
    /// The partition for the ARNs written.
    public let partition: String
    /// The largest policy, in bytes, that may be written.
    public let sizeLimit: Int

    /// An editor for `bucket`'s policy.
    public init(bucket: BucketName, partition: String = "aws", sizeLimit: Int = BucketPolicyEditor.sizeLimit) {
        self.bucket = bucket
        self.partition = partition
        self.sizeLimit = sizeLimit
    }

    /// Admits each account's log prefix, creating the CloudTrail statements if the policy has none.
    ///
    /// An account counts as present when a resource of a CloudTrail write statement covers its prefix,
    /// exactly or through a wildcard such as `BUCKET/AWSLogs/*`; conditions are not evaluated.
    /// - Parameter existing: the current policy text, or `nil` (or blank) when the bucket has none.
    /// - Throws: `PolicyError` when the text is not a policy, or `.bucketPolicyTooLarge` when the
    ///   result would exceed `sizeLimit`; nothing should then be written.
    public func grant(_ accounts: [AccountID], in existing: String?) throws(PolicyError) -> BucketPolicyChange {
        var document = try Self.read(existing)
        var statements = document.statements
        let writeIndices = statements.indices.filter { isCloudTrailWrite(statements[$0]) }
        let covered = writeIndices.flatMap { statements[$0].resources }
        var (added, present): ([AccountID], [AccountID]) = ([], [])
        for account in unique(accounts) {
            let resource = CloudTrailBucketPolicy.logsResource(bucket: bucket, account: account, partition: partition)
            let isCovered = covered.contains { Wildcard.matches(pattern: $0, value: resource) }
            if isCovered { present.append(account) } else { added.append(account) }
        }
        var created: [String] = []
        var sourceKeys: [String] = []
        if let first = writeIndices.first {
            sourceKeys = Self.sourceConditionKeys(of: statements[first])
            statements[first].resources += added.map {
                CloudTrailBucketPolicy.logsResource(bucket: bucket, account: $0, partition: partition)
            }
        } else if !added.isEmpty {
            created = appendCloudTrailStatements(for: added, to: &statements)
        }
        document.statements = statements
        let change = BucketPolicyChange(
            document: document, added: added, alreadyPresent: present, createdStatements: created,
            sourceConditionKeys: sourceKeys)
        try checkSize(of: change)
        return change
    }

    /// Removes each account's log prefix from the CloudTrail write statements.
    ///
    /// Only exact entries are removed; a write statement left without resources is removed too.
    /// - Throws: `PolicyError` when the text is not a policy.
    public func revoke(_ accounts: [AccountID], in existing: String?) throws(PolicyError) -> BucketPolicyChange {
        var document = try Self.read(existing)
        let wanted = unique(accounts)
        let resources = wanted.map {
            CloudTrailBucketPolicy.logsResource(bucket: bucket, account: $0, partition: partition)
        }
        var statements: [PolicyStatement] = []
        var found: Set<String> = []
        for var statement in document.statements {
            if isCloudTrailWrite(statement) {
                found.formUnion(statement.resources.filter(resources.contains))
                statement.resources.removeAll(where: resources.contains)
                if statement.resources.isEmpty { continue }
            }
            statements.append(statement)
        }
        if !found.isEmpty {
            document.statements = statements
        }
        let removed = zip(wanted, resources).filter { found.contains($0.1) }.map(\.0)
        return BucketPolicyChange(
            document: document, removed: removed, notPresent: wanted.filter { !removed.contains($0) })
    }

    /// Whether `statement` is the one that lets CloudTrail write log files into this bucket.
    func isCloudTrailWrite(_ statement: PolicyStatement) -> Bool {
        let bucketPrefix = CloudTrailBucketPolicy.bucketARN(bucket, partition: partition) + "/"
        return statement.isAllow
            && statement.principal?.values(of: "Service").contains(CloudTrailBucketPolicy.servicePrincipal) == true
            && statement.allows(action: "s3:PutObject")
            && statement.resources.contains { $0.hasPrefix(bucketPrefix) }
    }

    /// The `aws:Source...` condition keys of a statement, sorted; they restrict which trails may write.
    static func sourceConditionKeys(of statement: PolicyStatement) -> [String] {
        let operators = statement.condition?.objectValue?.values.compactMap(\.objectValue) ?? []
        let keys = operators.flatMap(\.keys).filter { $0.lowercased().hasPrefix("aws:source") }
        return Array(Set(keys)).sorted()
    }

    /// Appends the ACL-check statement (unless one exists) and a write statement for `accounts`.
    /// - Returns: the `Sid`s of the statements appended.
    private func appendCloudTrailStatements(for accounts: [AccountID], to statements: inout [PolicyStatement])
        -> [String]
    {
        var sids = Set(statements.compactMap(\.sid))
        var created: [String] = []
        let bucketARN = CloudTrailBucketPolicy.bucketARN(bucket, partition: partition)
        let hasACLCheck = statements.contains { statement in
            statement.isAllow && statement.allows(action: "s3:GetBucketAcl")
                && statement.principal?.values(of: "Service").contains(CloudTrailBucketPolicy.servicePrincipal) == true
                && statement.resources.contains { Wildcard.matches(pattern: $0, value: bucketARN) }
        }
        if !hasACLCheck {
            let sid = Self.freeSid(CloudTrailBucketPolicy.aclCheckSid, taken: &sids)
            statements.append(CloudTrailBucketPolicy.aclCheckStatement(bucket: bucket, partition: partition, sid: sid))
            created.append(sid)
        }
        let sid = Self.freeSid(CloudTrailBucketPolicy.writeSid, taken: &sids)
        statements.append(
            CloudTrailBucketPolicy.writeStatement(bucket: bucket, accounts: accounts, partition: partition, sid: sid))
        created.append(sid)
        return created
    }

    /// Refuses a change whose text would be larger than S3 accepts.
    /// - Throws: `PolicyError.bucketPolicyTooLarge` with both sizes.
    private func checkSize(of change: BucketPolicyChange) throws(PolicyError) {
        guard change.isUnchanged || change.byteCount <= sizeLimit else {
            throw .bucketPolicyTooLarge(
                bucket: bucket.value, partition: partition, size: change.byteCount, limit: sizeLimit)
        }
    }

    /// `Sid`s must be unique within a policy, so a taken one gets a number: `AWSCloudTrailWrite2`.
    private static func freeSid(_ base: String, taken: inout Set<String>) -> String {
        var candidate = base
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(base)\(number)"
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// Parses the current policy; no text (or only whitespace) means a new, empty policy.
    /// - Throws: `PolicyError` when the text is not a policy document.
    private static func read(_ existing: String?) throws(PolicyError) -> PolicyDocument {
        guard let existing, !existing.allSatisfy(\.isWhitespace) else {
            return PolicyDocument()
        }
        return try PolicyDocument(parsing: existing)
    }

    private func unique(_ accounts: [AccountID]) -> [AccountID] {
        var seen: Set<AccountID> = []
        return accounts.filter { seen.insert($0).inserted }
    }
}
