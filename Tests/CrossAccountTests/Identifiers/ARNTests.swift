import CrossAccount
import Testing

@Suite struct ARNTests {
    @Test func parsesAllSixFields() throws {
        let arn = try ARN("arn:aws:s3:::bucket/AWSLogs/111122223333/*")
        #expect(arn.partition == "aws")
        #expect(arn.service == "s3")
        #expect(arn.region == "")
        #expect(arn.account == "")
        #expect(arn.resource == "bucket/AWSLogs/111122223333/*")
        #expect(arn.description == "arn:aws:s3:::bucket/AWSLogs/111122223333/*")
    }

    @Test func resourceKeepsItsColons() throws {
        let arn = try ARN("arn:aws-cn:logs:cn-north-1:111122223333:log-group:/a/b:*")
        #expect(arn.region == "cn-north-1")
        #expect(arn.resource == "log-group:/a/b:*")
    }

    @Test(arguments: [
        (
            "arn:aws:s3::bucket",
            "ARN \"arn:aws:s3::bucket\" must have the form arn:partition:service:region:account:resource"
        ),
        ("urn:aws:s3:::b", "ARN \"urn:aws:s3:::b\" must have the form arn:partition:service:region:account:resource"),
        ("arn::s3:::b", "ARN \"arn::s3:::b\": the partition must not be empty"),
        (
            "arn:AWS:s3:::b",
            "ARN \"arn:AWS:s3:::b\": the partition \"AWS\" may hold only lowercase letters, digits and hyphens"
        ),
        ("arn:aws:iam::1234:root", "ARN \"arn:aws:iam::1234:root\": the account must be empty, \"aws\" or 12 digits"),
        ("arn:aws:iam::111122223333:", "ARN \"arn:aws:iam::111122223333:\": the resource must not be empty"),
    ])
    func rejectsWithTheFieldNamed(text: String, message: String) {
        #expect {
            try ARN(text)
        } throws: { error in
            (error as? IdentifierError)?.description == message
        }
    }

    @Test func roleARNWithPath() throws {
        let role = try RoleARN("arn:aws:iam::111122223333:role/service/scanner/reader")
        #expect(role.account == (try AccountID("111122223333")))
        #expect(role.path == "/service/scanner/")
        #expect(role.name == "reader")
        #expect(role.description == "arn:aws:iam::111122223333:role/service/scanner/reader")
    }

    @Test func roleARNBuiltFromParts() throws {
        let role = RoleARN(account: try AccountID("444455556666"), roleName: "r", partition: "aws-us-gov")
        #expect(role.description == "arn:aws-us-gov:iam::444455556666:role/r")
        #expect(try RoleARN(role.description) == role)
    }

    @Test(arguments: [
        (
            "arn:aws:iam::111122223333:user/bob",
            "IAM role ARN \"arn:aws:iam::111122223333:user/bob\": the resource must start with \"role/\""
        ),
        (
            "arn:aws:sts::111122223333:role/x",
            "IAM role ARN \"arn:aws:sts::111122223333:role/x\": the service must be \"iam\", not \"sts\""
        ),
        (
            "arn:aws:iam:us-east-1:111122223333:role/x",
            "IAM role ARN \"arn:aws:iam:us-east-1:111122223333:role/x\": the region must be empty for IAM"
        ),
        (
            "arn:aws:iam::aws:role/x",
            "IAM role ARN \"arn:aws:iam::aws:role/x\": the account must be a 12-digit account ID"
        ),
        (
            "arn:aws:iam::111122223333:role/bad name",
            "IAM role name \"bad name\" has U+20 (a space) at position 4; only ASCII letters, digits and _ + = , . @ - are allowed"
        ),
    ])
    func roleARNRejections(text: String, message: String) {
        #expect {
            try RoleARN(text)
        } throws: { error in
            (error as? IdentifierError)?.description == message
        }
    }
}
