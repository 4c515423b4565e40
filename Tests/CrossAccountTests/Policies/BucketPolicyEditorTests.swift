import CrossAccount
import Testing

@Suite struct BucketPolicyEditorTests {
    let editor: BucketPolicyEditor
    let owner: AccountID
    let second: AccountID
    let third: AccountID

    init() throws {
        editor = BucketPolicyEditor(bucket: try PolicyFixtures.bucket())
        owner = try PolicyFixtures.account(PolicyFixtures.primary)
        second = try PolicyFixtures.account("444455556666")
        third = try PolicyFixtures.account("777788889999")
    }

    func logs(_ account: AccountID) -> String {
        "arn:aws:s3:::prisma-saas-s3-111122223333/AWSLogs/\(account)/*"
    }

    @Test func grantWithoutPolicyCreatesTheCloudTrailStatements() throws {
        let change = try editor.grant([owner], in: nil)
        #expect(change.createdStatements == ["AWSCloudTrailAclCheck", "AWSCloudTrailWrite"])
        #expect(change.added == [owner])
        #expect(change.sourceConditionKeys == [])
        #expect(change.document == CloudTrailBucketPolicy.document(bucket: try PolicyFixtures.bucket(), owner: owner))
    }

    @Test func grantAddsResourcesToTheWriteStatement() throws {
        let change = try editor.grant([second, third, second], in: CloudTrailBucketPolicyTests.guidePolicy)
        #expect(change.added == [second, third])
        #expect(change.alreadyPresent == [])
        #expect(!change.isUnchanged)
        let write = try #require(change.document.statements.last)
        #expect(write.resources == [logs(owner), logs(second), logs(third)])
        #expect(write.condition == CloudTrailBucketPolicy.ownerFullControlCondition)
        let before = try PolicyFixtures.document(CloudTrailBucketPolicyTests.guidePolicy)
        #expect(change.document.statements.first == before.statements.first)
    }

    @Test func grantIsIdempotent() throws {
        let first = try editor.grant([owner, second], in: CloudTrailBucketPolicyTests.guidePolicy)
        let again = try editor.grant([second, owner], in: first.text)
        #expect(again.isUnchanged)
        #expect(again.alreadyPresent == [second, owner])
        #expect(again.added == [])
        #expect(again.text == first.text)
    }

    @Test func foreignStatementsConditionsAndUnknownFieldsAreKept() throws {
        let existing = """
            {"Version": "2012-10-17", "Id": "keep-me", "X-Top": [1, 2],
             "Statement": [
              {"Sid": "DenyInsecure", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
               "Resource": ["arn:aws:s3:::prisma-saas-s3-111122223333", "arn:aws:s3:::prisma-saas-s3-111122223333/*"],
               "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
              {"Sid": "CT", "Effect": "Allow", "Principal": {"Service": ["cloudtrail.amazonaws.com"]},
               "Action": "s3:PutObject", "X-Unknown": {"n": 1.5},
               "Resource": "arn:aws:s3:::prisma-saas-s3-111122223333/AWSLogs/111122223333/*",
               "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control",
                                              "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/t"}}},
              {"Sid": "Reader", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"},
               "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::prisma-saas-s3-111122223333/*"}
             ]}
            """
        let change = try editor.grant([second], in: existing)
        let expected = existing.replacingOccurrences(
            of: #""Resource": "arn:aws:s3:::prisma-saas-s3-111122223333/AWSLogs/111122223333/*""#,
            with: #""Resource": ["\#(logs(owner))", "\#(logs(second))"]"#)
        #expect(expected != existing)
        #expect(change.document == (try PolicyFixtures.document(expected)))
        #expect(change.document.statements.map(\.sid) == ["DenyInsecure", "CT", "Reader"])
        #expect(change.createdStatements == [])
        #expect(change.sourceConditionKeys == ["aws:SourceArn"])
    }

    @Test func singleObjectStatementWithStringResource() throws {
        let existing = """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},\
            "Action":"s3:PutObject","Resource":"arn:aws:s3:::prisma-saas-s3-111122223333/AWSLogs/111122223333/*"}}
            """
        let change = try editor.grant([second], in: existing)
        let expected = """
            {"Statement":{"Action":"s3:PutObject","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},\
            "Resource":["\(logs(owner))","\(logs(second))"]},"Version":"2012-10-17"}
            """
        #expect(change.text == expected)
        let revoked = try editor.revoke([second], in: change.text)
        #expect(revoked.removed == [second])
        #expect(revoked.text.contains(#""Resource":["\#(logs(owner))"]"#))
    }

    @Test func missingStatementsAreAppendedWithFreeSids() throws {
        let existing = """
            {"Version":"2012-10-17","Statement":[{"Sid":"AWSCloudTrailWrite","Effect":"Allow",\
            "Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject",\
            "Resource":"arn:aws:s3:::other-bucket/AWSLogs/111122223333/*"}]}
            """
        let change = try editor.grant([owner], in: existing)
        #expect(change.createdStatements == ["AWSCloudTrailAclCheck", "AWSCloudTrailWrite2"])
        #expect(
            change.document.statements.map(\.sid) == [
                "AWSCloudTrailWrite", "AWSCloudTrailAclCheck", "AWSCloudTrailWrite2",
            ])
        #expect(change.document.statements[0].resources == ["arn:aws:s3:::other-bucket/AWSLogs/111122223333/*"])
    }

    @Test func wildcardResourceAlreadyAdmitsEveryAccount() throws {
        let existing = CloudTrailBucketPolicyTests.guidePolicy.replacingOccurrences(
            of: "AWSLogs/111122223333/*", with: "AWSLogs/*")
        let change = try editor.grant([second], in: existing)
        #expect(change.isUnchanged)
        #expect(change.alreadyPresent == [second])
    }

    @Test func revokeRemovesOnlyTheAccountsNamed() throws {
        let granted = try editor.grant([owner, second, third], in: nil)
        let change = try editor.revoke([second, try PolicyFixtures.account("000000000001")], in: granted.text)
        #expect(change.removed == [second])
        #expect(change.notPresent == [try PolicyFixtures.account("000000000001")])
        #expect(change.document.statements.last?.resources == [logs(owner), logs(third)])
        let again = try editor.revoke([second], in: change.text)
        #expect(again.isUnchanged)
        #expect(again.text == change.text)
    }

    @Test func revokingEveryAccountDropsTheWriteStatement() throws {
        let change = try editor.revoke([owner], in: CloudTrailBucketPolicyTests.guidePolicy)
        #expect(change.removed == [owner])
        #expect(change.document.statements.map(\.sid) == ["AWSCloudTrailAclCheck"])
        #expect(!change.isEmpty)
    }

    @Test func malformedPolicyIsReportedWithItsPosition() {
        #expect {
            try editor.grant([owner], in: "{\"Statement\": [\n  {\"Effect\": Allow}]}")
        } throws: { error in
            guard case .malformedJSON(let syntax) = error as? PolicyError else { return false }
            return syntax.line == 2
        }
    }
}
