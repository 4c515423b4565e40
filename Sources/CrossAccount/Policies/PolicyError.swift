/// Why a policy document could not be read, built or written.
public enum PolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not JSON; the error says where and why.
    case malformedJSON(JSONSyntaxError)
    /// The text is JSON but not a policy document, e.g. a top-level array; `found` names what it is.
    case notAPolicyDocument(found: String)
    /// The statement at `index` (0-based) is not an object.
    case statementNotAnObject(index: Int, found: String)
    /// Writing the bucket policy would exceed S3's size limit.
    case bucketPolicyTooLarge(bucket: String, partition: String, size: Int, limit: Int)
    /// The primary's grants need more managed policies than may be attached to one user.
    case tooManyManagedPolicies(needed: Int, limit: Int)

    public var description: String {
        switch self {
        case .malformedJSON(let syntax):
            return syntax.description
        case .notAPolicyDocument(let found):
            return "not a policy document: expected a JSON object, found \(found)"
        case .statementNotAnObject(let index, let found):
            return "statement \(index + 1) of the policy is \(found), not a JSON object"
        case .bucketPolicyTooLarge(let bucket, let partition, let size, let limit):
            return """
                the bucket policy of \(bucket) would be \(size) bytes, over S3's limit of \(limit) bytes; \
                nothing was written. Compact alternatives: one resource arn:\(partition):s3:::\(bucket)/AWSLogs/* \
                restricted with an aws:SourceOrgID or aws:SourceAccount condition, or an organization trail \
                that logs every account of the organization into this bucket
                """
        case .tooManyManagedPolicies(let needed, let limit):
            return """
                the AssumeRole grants need \(needed) managed policies but a user may have only \(limit) attached; \
                ask AWS to raise the quota (20 at most), or grant the scanner's user access through a group or \
                a role with its own policies
                """
        }
    }
}

extension JSONValue {
    /// A short name for the kind of value, for error messages ("an array", "a string").
    var kindDescription: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}
