import AWS
import Locking
import Services

/// Reading and writing a bucket policy for the bucket actions, honouring plan mode.
enum BucketPolicyIO {
    /// The bucket's policy text, or nil when it has none.
    /// - Throws: `ActionError.aws`, with a hint when the bucket does not exist.
    static func read(_ bucket: BucketName, s3: S3, action: String, context: ActionContext) async throws(ActionError)
        -> String?
    {
        let planning = context.isPlanning
        return try await context.call(action, hint: { missingBucketHint($0, bucket) }) {
            () async throws(AWSError) in
            do throws(AWSError) {
                return try await s3.getBucketPolicy(bucket: bucket.value)
            } catch let error where planning && error.code == "NoSuchBucket" {
                // A dry run plans against the bucket `bucket create` would have made, with the policy it planned.
                return planned.withLock { $0[bucket.value] }
            }
        }
    }

    /// Policies dry runs planned for buckets that do not exist yet, so later plans in the same run build
    /// on them (a bucket's name is global, so it is the key).
    private static let planned = Locked<[String: String]>([:])

    /// Writes `change` unless it changes nothing (plan mode: records the call and diff only), and sets
    /// the report's outcome to `updated`/`wouldUpdate` when the bucket itself was not new.
    /// - Throws: `ActionError` when the policy cannot be read or written.
    static func apply(
        _ change: BucketPolicyChange, existing: String?, to bucket: BucketName, s3: S3, report: inout Report,
        context: ActionContext
    ) async throws(ActionError) {
        guard !change.isUnchanged else { return }
        let old: PolicyDocument?
        do {
            old = try existing.map { text throws(PolicyError) in try PolicyDocument(parsing: text) }
        } catch {
            throw context.policyError(report.command, error)
        }
        report.diff = PolicyDiff.render(old: old, new: change.document)
        if report.outcome == .unchanged { report.outcome = context.isPlanning ? .wouldUpdate : .updated }
        if context.isPlanning {
            report.calls.append("s3:PutBucketPolicy \(bucket)")
            let text = change.text
            planned.withLock { $0[bucket.value] = text }
            return
        }
        let text = change.text
        try await context.call(report.command, hint: { missingBucketHint($0, bucket) }) { () async throws(AWSError) in
            try await s3.putBucketPolicy(bucket: bucket.value, policy: text)
        }
        report.calls.append("s3:PutBucketPolicy \(bucket)")
    }

    /// Advice when the bucket is missing.
    static func missingBucketHint(_ error: AWSError, _ bucket: BucketName) -> String? {
        error.code == "NoSuchBucket" ? "run: bucket create \(bucket)" : nil
    }
}
