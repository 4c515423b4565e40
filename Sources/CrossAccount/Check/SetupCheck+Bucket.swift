import AWS
import Services

extension SetupCheck {
    /// Rows for the CloudTrail bucket: it exists and the primary owns it; its policy lets
    /// CloudTrail read the ACL and write the logs of the primary and of each secondary.
    func checkBucket(into findings: inout CheckFindings) async {
        let alias = primary.alias
        let accounts = [primary] + secondaries
        let policyItems = ["bucket policy: CloudTrail GetBucketAcl"] + accounts.map(Self.logsItem)
        let exists = await findings.check(alias, "bucket") { () async throws(CheckProblem) -> String in
            try await checkBucketOwnership()
        }
        guard exists else {
            for item in policyItems {
                findings.skip(alias, item, because: "not checked: the bucket \(bucket) is not usable")
            }
            return
        }
        let policy = await loadBucketPolicy()
        await findings.check(alias, policyItems[0]) { () throws(CheckProblem) -> String in
            try Self.requireACLCheck(in: policy.get(), bucket: bucket, partition: primary.partition)
        }
        for account in accounts {
            await findings.check(alias, Self.logsItem(account)) { () throws(CheckProblem) -> String in
                try Self.requireLogsWrite(
                    in: policy.get(), bucket: bucket, account: account.id, partition: primary.partition)
            }
        }
    }

    /// `bucket policy: logs of ALIAS (ID)`.
    static func logsItem(_ account: Account) -> String {
        "bucket policy: logs of \(account.label)"
    }

    /// The bucket exists and appears among the primary's own buckets.
    /// - Throws: `CheckProblem.notFound`, `.bucketNotOwned` or `.aws`.
    func checkBucketOwnership() async throws(CheckProblem) -> String {
        let s3 = try await read { () throws(AWSError) in try primary.s3() }
        let head = try await read { () async throws(AWSError) in try await s3.headBucket(name: bucket) }
        guard head.exists else {
            throw .notFound(kind: "bucket", name: bucket)
        }
        let owned = try await read { () async throws(AWSError) in try await s3.listBuckets() }
        guard owned.contains(bucket) else {
            throw .bucketNotOwned(bucket: bucket, account: primary.id)
        }
        return "\(bucket) in \(head.region ?? primary.region), owned by \(primary.label)"
    }

    /// The bucket policy, read once for all its rows.
    func loadBucketPolicy() async -> Result<PolicyDocument, CheckProblem> {
        do {
            let s3 = try primary.s3()
            guard let text = try await s3.getBucketPolicy(bucket: bucket) else {
                return .failure(.notFound(kind: "bucket policy on", name: bucket))
            }
            do {
                return .success(try PolicyDocument(parsing: text))
            } catch {
                return .failure(.unreadablePolicy(name: "of bucket \(bucket)", error))
            }
        } catch {
            return .failure(.aws(error))
        }
    }

    /// The statement letting CloudTrail read the bucket's ACL.
    /// - Throws: `CheckProblem.statementMissing`.
    static func requireACLCheck(in policy: PolicyDocument, bucket: String, partition: String) throws(CheckProblem)
        -> String
    {
        let bucketARN = "arn:\(partition):s3:::\(bucket)"
        let found = cloudTrailStatements(in: policy, action: "s3:GetBucketAcl").first { statement in
            covers(statement.resources, bucketARN)
        }
        guard let found else {
            throw .statementMissing(
                policy: bucket,
                purpose: "allows \(CloudTrailBucketPolicy.servicePrincipal) "
                    + "s3:GetBucketAcl on \(bucketARN)")
        }
        return "statement \(found.sid ?? "(no Sid)") allows s3:GetBucketAcl on \(bucketARN)"
    }

    /// The statement letting CloudTrail write `account`'s logs with the owner-full-control condition.
    /// - Throws: `CheckProblem.statementMissing`.
    static func requireLogsWrite(
        in policy: PolicyDocument, bucket: String, account: AccountID, partition: String
    ) throws(CheckProblem) -> String {
        let prefix = "arn:\(partition):s3:::\(bucket)/AWSLogs/\(account)/*"
        let found = cloudTrailStatements(in: policy, action: "s3:PutObject").first { statement in
            covers(statement.resources, prefix) && requiresOwnerFullControl(statement.condition)
        }
        guard let found else {
            throw .statementMissing(
                policy: bucket,
                purpose: "allows \(CloudTrailBucketPolicy.servicePrincipal) "
                    + "s3:PutObject on \(prefix) with s3:x-amz-acl = bucket-owner-full-control")
        }
        return "statement \(found.sid ?? "(no Sid)") allows s3:PutObject on AWSLogs/\(account)/*"
    }

    /// The `Allow` statements whose principal is the CloudTrail service and that allow `action`.
    static func cloudTrailStatements(in policy: PolicyDocument, action: String) -> [PolicyStatement] {
        policy.statements.filter { statement in
            statement.isAllow && statement.allows(action: action)
                && (statement.principal?.values(of: "Service") ?? []).contains(CloudTrailBucketPolicy.servicePrincipal)
        }
    }

    /// Whether a `Resource` list names `arn`, literally or by wildcard.
    static func covers(_ resources: [String], _ arn: String) -> Bool {
        resources.contains { Wildcard.matches(pattern: $0, value: arn) }
    }

    /// Whether a `Condition` block holds `StringEquals s3:x-amz-acl = bucket-owner-full-control`.
    static func requiresOwnerFullControl(_ condition: JSONValue?) -> Bool {
        let values = condition?.objectValue?["StringEquals"]?.objectValue?["s3:x-amz-acl"]?.stringOrArrayValues
        return values == ["bucket-owner-full-control"]
    }
}
