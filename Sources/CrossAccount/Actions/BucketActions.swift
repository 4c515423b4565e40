import AWS
import Services

/// Ensure actions for the CloudTrail bucket: the bucket itself and the prefixes its policy admits.
public enum BucketActions {
    /// Makes sure bucket `name` exists in the account (created in `account.region` if absent) and,
    /// with `cloudTrail`, that its policy lets CloudTrail deliver the owner account's logs.
    ///
    /// A bucket already owned by the account is accepted as it is; one owned by another account is
    /// refused. A `BucketAlreadyOwnedByYou` answer (a retry after a lost reply) counts as created.
    /// - Throws: `ActionError` (`.bucketOwnedElsewhere`, `.aws`, `.policy`, `.identifier`).
    public static func ensureBucket(name: String, cloudTrail: Bool, context: ActionContext) async throws(ActionError)
        -> Report
    {
        let action = "bucket create"
        let bucket = try context.validate(action) { () throws(IdentifierError) in try BucketName(name) }
        let s3 = try context.client(action) { account throws(AWSError) in try account.s3() }
        var report = Report(command: action, account: context.account.alias, resource: name)
        report.fields = [.init("bucket", name), .init("region", context.account.region)]
        let exists = try await isOwned(bucket, s3: s3, context: context)
        if exists {
            report.outcome = .unchanged
        } else if context.isPlanning {
            report.outcome = .wouldCreate
            report.calls.append("s3:CreateBucket \(name)")
        } else {
            try await create(bucket, s3: s3, context: context)
            report.outcome = .created
            report.changes.append("created bucket \(name) in \(context.account.region)")
        }
        guard cloudTrail else { return report }
        let existing = exists ? try await BucketPolicyIO.read(bucket, s3: s3, action: action, context: context) : nil
        let editor = BucketPolicyEditor(bucket: bucket, partition: context.account.partition)
        let change: BucketPolicyChange
        do {
            change = try editor.grant([context.account.id], in: existing)
        } catch {
            throw context.policyError(action, error)
        }
        try await BucketPolicyIO.apply(
            change, existing: existing, to: bucket, s3: s3, report: &report, context: context)
        if change.added.contains(context.account.id) {
            report.changes.append("bucket policy admits CloudTrail logs of \(context.account.id)")
        }
        return report
    }

    /// Whether the account owns `bucket`; a bucket that exists elsewhere is an error. The account's
    /// buckets and the name's existence are read at once.
    /// - Throws: `ActionError.bucketOwnedElsewhere`, `ActionError.aws`.
    private static func isOwned(_ bucket: BucketName, s3: S3, context: ActionContext) async throws(ActionError)
        -> Bool
    {
        let action = "bucket create"
        let (owned, head) = try await context.concurrently(
            { () async throws(ActionError) in
                try await context.call(action) { () async throws(AWSError) in try await s3.listBuckets() }
            },
            { () async throws(ActionError) -> Result<Bool, AWSError> in
                do throws(AWSError) {
                    return .success(try await s3.headBucket(name: bucket.value).exists)
                } catch {
                    return .failure(error)
                }
            })
        if owned.contains(bucket.value) { return true }
        switch head {
        case .success(let exists):
            guard exists else { return false }
        case .failure(let error) where error.serviceError?.status == 403:
            // AWS answers 403 to HeadBucket on a bucket that exists but belongs to someone else.
            break
        case .failure(let error):
            throw .aws(action: action, account: context.account.label, error: error, hint: nil)
        }
        throw .bucketOwnedElsewhere(bucket: bucket.value, account: context.account.label)
    }

    /// Creates the bucket; `BucketAlreadyOwnedByYou` means an earlier attempt already did.
    /// - Throws: `ActionError`.
    private static func create(_ bucket: BucketName, s3: S3, context: ActionContext) async throws(ActionError) {
        do {
            try await s3.createBucket(name: bucket.value)
        } catch let error where error.code == "BucketAlreadyOwnedByYou" {
            return
        } catch let error where error.code == "BucketAlreadyExists" {
            throw .bucketOwnedElsewhere(bucket: bucket.value, account: context.account.label)
        } catch {
            let hint =
                error.code == "InvalidLocationConstraint" || error.code == "IllegalLocationConstraintException"
                ? "the region \(context.account.region) does not accept this bucket: check the session's region"
                : nil
            throw .aws(
                action: "bucket create", account: context.account.label, error: error,
                hint: hint ?? context.generalHint(error))
        }
    }
}
