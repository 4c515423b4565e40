/// The kinds of AWS identifier s3x validates, named as AWS documents them.
public enum IdentifierKind: String, Sendable, Hashable, CaseIterable {
    case accountID = "AWS account ID"
    case arn = "ARN"
    case roleARN = "IAM role ARN"
    case userName = "IAM user name"
    case roleName = "IAM role name"
    case policyName = "IAM policy name"
    case bucketName = "S3 bucket name"
    case trailName = "CloudTrail trail name"
}
