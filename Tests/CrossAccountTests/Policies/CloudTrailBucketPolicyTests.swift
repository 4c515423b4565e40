import CrossAccount
import Testing

/// Known answer: the bucket policy of the CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail",
/// for the bucket and account of PROCEDURE.md step 1 (without the optional `aws:SourceArn` condition).
@Suite struct CloudTrailBucketPolicyTests {
    static let guidePolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "AWSCloudTrailAclCheck",
              "Effect": "Allow",
              "Principal": {"Service": "cloudtrail.amazonaws.com"},
              "Action": "s3:GetBucketAcl",
              "Resource": "arn:aws:s3:::prisma-saas-s3-111122223333"
            },
            {
              "Sid": "AWSCloudTrailWrite",
              "Effect": "Allow",
              "Principal": {"Service": "cloudtrail.amazonaws.com"},
              "Action": "s3:PutObject",
              "Resource": "arn:aws:s3:::prisma-saas-s3-111122223333/AWSLogs/111122223333/*",
              "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}
            }
          ]
        }
        """

    @Test func newBucketPolicyMatchesTheGuide() throws {
        let document = CloudTrailBucketPolicy.document(
            bucket: try PolicyFixtures.bucket(), owner: try PolicyFixtures.account(PolicyFixtures.primary))
        #expect(document.compactText == (try PolicyFixtures.document(Self.guidePolicy)).compactText)
    }

    @Test func compactTextIsByteExact() throws {
        let document = CloudTrailBucketPolicy.document(
            bucket: try PolicyFixtures.bucket(), owner: try PolicyFixtures.account(PolicyFixtures.primary))
        let expected = """
            {"Statement":[{"Action":"s3:GetBucketAcl","Effect":"Allow","Principal":{"Service":\
            "cloudtrail.amazonaws.com"},"Resource":"arn:aws:s3:::prisma-saas-s3-111122223333","Sid":\
            "AWSCloudTrailAclCheck"},{"Action":"s3:PutObject","Condition":{"StringEquals":{"s3:x-amz-acl":\
            "bucket-owner-full-control"}},"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},\
            "Resource":"arn:aws:s3:::prisma-saas-s3-111122223333/AWSLogs/111122223333/*","Sid":\
            "AWSCloudTrailWrite"}],"Version":"2012-10-17"}
            """
        #expect(document.compactText == expected)
    }

    @Test func partitionIsAParameter() throws {
        let resource = CloudTrailBucketPolicy.logsResource(
            bucket: try PolicyFixtures.bucket(), account: try PolicyFixtures.account("444455556666"),
            partition: "aws-us-gov")
        #expect(resource == "arn:aws-us-gov:s3:::prisma-saas-s3-111122223333/AWSLogs/444455556666/*")
    }
}
