import Testing

@testable import Shell

/// `explain`: the calls a command makes and their CLI equivalents, filled from the command's words.
@Suite struct UXExplainTests {
    @Test func everyCommandActingInAnAccountExplainsItsCalls() {
        for spec in CommandTable.standard.commands where spec.actsInAccount {
            #expect(!ExplainCatalog.steps(of: spec.name).isEmpty, "no calls listed for \(spec.name)")
        }
        #expect(ExplainCatalog.steps(of: "set").isEmpty)
    }

    @Test func wordsFillThePlaceholdersAndDropOptionsNotGiven() async throws {
        let fixture = try UXSessionFixture()
        let text = try await fixture.run("explain bucket create my-logs")
        #expect(
            text == """
                bucket create my-logs
                  create a bucket (with the bucket policy CloudTrail needs)

                reads the current state:
                  s3:ListBuckets
                      aws s3api list-buckets
                  s3:HeadBucket my-logs (when not listed)
                      aws s3api head-bucket --bucket my-logs

                then writes only what differs (a dry run writes nothing):
                  s3:CreateBucket my-logs
                      aws s3api create-bucket --bucket my-logs

                """)
    }

    @Test func theAccountActedInFillsPolicyARNs() async throws {
        let fixture = try UXSessionFixture()
        let text = try await fixture.run("explain policy attach p --role r --in sec1")
        #expect(
            text == """
                policy attach p --role r --in sec1
                  attach a managed policy to a user or a role

                reads the current state:
                  iam:ListAttachedRolePolicies r (with --role)
                      aws iam list-attached-role-policies --role-name r

                then writes only what differs (a dry run writes nothing):
                  iam:AttachRolePolicy p (with --role)
                      aws iam attach-role-policy --role-name r --policy-arn arn:aws:iam::111111111111:policy/p

                """)
    }

    @Test func commandsWithoutCallsSaySo() async throws {
        let text = try await UXSessionFixture().run("explain set")
        #expect(text == "set\n  set a variable, or a setting (dry-run, output)\n\nmakes no AWS call\n")
    }

    @Test func anUnknownCommandIsAUsageError() async throws {
        let fixture = try UXSessionFixture()
        await #expect(throws: ShellError.self) { try await fixture.run("explain bukcet create") }
    }
}
