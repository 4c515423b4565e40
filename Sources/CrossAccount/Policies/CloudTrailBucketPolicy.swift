/// The statements a bucket policy needs before CloudTrail will deliver logs into the bucket.
///
/// The shape follows the CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail".
public enum CloudTrailBucketPolicy {
    /// The service principal CloudTrail writes as.
    public static let servicePrincipal = "cloudtrail.amazonaws.com"
    /// The `Sid` of the statement that lets CloudTrail read the bucket's ACL.
    public static let aclCheckSid = "AWSCloudTrailAclCheck"
    /// The `Sid` of the statement that lets CloudTrail write log files.
    public static let writeSid = "AWSCloudTrailWrite"

    /// The condition that hands the bucket owner full control of every log file.
    public static let ownerFullControlCondition: JSONValue = [
        "StringEquals": ["s3:x-amz-acl": "bucket-owner-full-control"]
    ]

    /// `arn:<partition>:s3:::BUCKET`.
    public static func bucketARN(_ bucket: BucketName, partition: String = "aws") -> String {
        "arn:\(partition):s3:::\(bucket)"
    }

    /// `arn:<partition>:s3:::BUCKET/AWSLogs/<account>/*`, where CloudTrail writes one account's logs.
    public static func logsResource(bucket: BucketName, account: AccountID, partition: String = "aws") -> String {
        "\(bucketARN(bucket, partition: partition))/AWSLogs/\(account)/*"
    }

    /// `Allow s3:GetBucketAcl` on the bucket to CloudTrail.
    public static func aclCheckStatement(bucket: BucketName, partition: String = "aws", sid: String = aclCheckSid)
        -> PolicyStatement
    {
        PolicyStatement(
            sid: sid, principal: .service(servicePrincipal), actions: ["s3:GetBucketAcl"],
            resources: [bucketARN(bucket, partition: partition)])
    }

    /// `Allow s3:PutObject` on each account's log prefix to CloudTrail, with the owner-full-control condition.
    public static func writeStatement(
        bucket: BucketName, accounts: [AccountID], partition: String = "aws", sid: String = writeSid
    ) -> PolicyStatement {
        PolicyStatement(
            sid: sid, principal: .service(servicePrincipal), actions: ["s3:PutObject"],
            resources: accounts.map { logsResource(bucket: bucket, account: $0, partition: partition) },
            condition: ownerFullControlCondition)
    }

    /// The whole bucket policy for a new bucket that receives the logs of `owner`.
    public static func document(bucket: BucketName, owner: AccountID, partition: String = "aws") -> PolicyDocument {
        PolicyDocument(statements: [
            aclCheckStatement(bucket: bucket, partition: partition),
            writeStatement(bucket: bucket, accounts: [owner], partition: partition),
        ])
    }
}
