import CrossAccount
import Testing

/// S3 bucket policies are at most 20 KB (S3 User Guide, "Bucket policies"); these tests sit on the byte.
@Suite struct BucketPolicySizeTests {
    let editor: BucketPolicyEditor
    let newcomer: AccountID

    init() throws {
        editor = BucketPolicyEditor(bucket: try PolicyFixtures.bucket())
        newcomer = try PolicyFixtures.account("444455556666")
    }

    /// The guide's policy plus a foreign statement whose `Sid` is `padding` characters long.
    func policy(padding: Int) -> String {
        let filler =
            #"{"Sid":"\#(String(repeating: "x", count: padding))","Effect":"Deny","Principal":"*","#
            + #""Action":"s3:DeleteBucket","Resource":"arn:aws:s3:::prisma-saas-s3-111122223333"},"#
        return CloudTrailBucketPolicyTests.guidePolicy.replacingOccurrences(
            of: #""Statement": ["#, with: #""Statement": ["# + filler)
    }

    /// The padding that makes the policy, after adding `newcomer`, exactly `size` bytes.
    func padding(forResultSize size: Int) throws -> Int {
        let unpadded = try editor.grant([newcomer], in: policy(padding: 0))
        return size - unpadded.text.utf8.count
    }

    @Test func aPolicyOfExactlyTheLimitIsWritten() throws {
        let padding = try padding(forResultSize: 20_480)
        let change = try editor.grant([newcomer], in: policy(padding: padding))
        #expect(change.byteCount == 20_480)
        #expect(change.text.utf8.count == 20_480)
        #expect(change.added == [newcomer])
    }

    @Test func oneByteOverTheLimitIsRefused() throws {
        let padding = try padding(forResultSize: 20_481)
        #expect(
            throws: PolicyError.bucketPolicyTooLarge(
                bucket: "prisma-saas-s3-111122223333", partition: "aws", size: 20_481, limit: 20_480)
        ) {
            try editor.grant([newcomer], in: policy(padding: padding))
        }
    }

    @Test func refusalNamesBothSizesAndTheCompactAlternatives() {
        let message = PolicyError.bucketPolicyTooLarge(bucket: "b", partition: "aws", size: 20_481, limit: 20_480)
            .description
        #expect(message.contains("20481 bytes"))
        #expect(message.contains("20480 bytes"))
        #expect(message.contains("arn:aws:s3:::b/AWSLogs/*"))
        #expect(message.contains("aws:SourceOrgID"))
        #expect(message.contains("aws:SourceAccount"))
        #expect(message.contains("organization trail"))
    }

    @Test func anUnchangedPolicyOverTheLimitIsNotRefused() throws {
        let oversized = policy(padding: 30_000)
        let change = try editor.grant([try PolicyFixtures.account(PolicyFixtures.primary)], in: oversized)
        #expect(change.isUnchanged)
    }
}
