import CrossAccount
import Testing

/// Known answers: the vendor's primary policy as PROCEDURE.md gives it (step 2), with two secondaries
/// filled in, and sizes computed independently with Python's `json.dumps(sort_keys=True,
/// separators=(",", ":"))`.
@Suite struct ScannerPolicyTests {
    static let vendorPrimary = """
        { "Version": "2012-10-17", "Statement": [
          { "Effect": "Allow", "Action": [ "s3:Get*", "s3:List*", "s3:Put*", "s3:Delete*",
              "s3:CreateBucket", "iam:GetUser", "iam:GetRole", "iam:GetUserPolicy", "iam:ListUsers",
              "cloudtrail:GetTrailStatus", "cloudtrail:DescribeTrails", "cloudtrail:LookupEvents",
              "cloudtrail:ListTags", "cloudtrail:ListPublicKeys", "cloudtrail:GetEventSelectors",
              "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs", "config:Get*", "config:Describe*",
              "config:Deliver*", "config:List*" ], "Resource": "*" },
          { "Effect": "Allow", "Action": "sts:AssumeRole",
            "Resource": "arn:aws:iam::444455556666:role/prisma-saas-s3-cross-account-access-role" },
          { "Effect": "Allow", "Action": "sts:AssumeRole",
            "Resource": "arn:aws:iam::777788889999:role/prisma-saas-s3-cross-account-access-role" }
        ] }
        """

    @Test func actionsAreTheProceduresTwentyOneInOrder() throws {
        #expect(ScannerPolicy.actions.count == 21)
        let vendor = try PolicyFixtures.document(Self.vendorPrimary)
        #expect(vendor.statements.first?.actions == ScannerPolicy.actions)
    }

    @Test func secondaryPolicyIsTheVendorsActionsStatement() throws {
        let vendor = try PolicyFixtures.document(Self.vendorPrimary)
        let expected = PolicyDocument(statements: Array(vendor.statements.prefix(1)))
        #expect(ScannerPolicy.secondaryDocument.compactText == expected.compactText)
    }

    @Test func primaryPolicyGrantsWhatTheVendorsGrants() throws {
        let secondaries = [try PolicyFixtures.account("444455556666"), try PolicyFixtures.account("777788889999")]
        let document = ScannerPolicy.primaryDocument(secondaryIDs: secondaries)
        let vendor = try PolicyFixtures.document(Self.vendorPrimary)
        #expect(document.statements.first == vendor.statements.first)
        #expect(document.statements.count == 2)
        #expect(document.statements.last?.actions == ["sts:AssumeRole"])
        #expect(document.statements.last?.resources == vendor.statements.dropFirst().flatMap(\.resources))
        #expect(ScannerPolicy.grantedAccounts(in: [vendor]) == secondaries)
        #expect(ScannerPolicy.grantedAccounts(in: [document]) == secondaries)
    }

    @Test func onePrimaryGrantIsWrittenAsTheVendorWritesIt() throws {
        let document = ScannerPolicy.primaryDocument(secondaryIDs: [try PolicyFixtures.account("111122223333")])
        let expected = """
            {"Statement":[{"Action":["s3:Get*","s3:List*","s3:Put*","s3:Delete*","s3:CreateBucket","iam:GetUser",\
            "iam:GetRole","iam:GetUserPolicy","iam:ListUsers","cloudtrail:GetTrailStatus","cloudtrail:DescribeTrails",\
            "cloudtrail:LookupEvents","cloudtrail:ListTags","cloudtrail:ListPublicKeys","cloudtrail:GetEventSelectors",\
            "ec2:DescribeVpcEndpoints","ec2:DescribeVpcs","config:Get*","config:Describe*","config:Deliver*",\
            "config:List*"],"Effect":"Allow","Resource":"*"},{"Action":"sts:AssumeRole","Effect":"Allow",\
            "Resource":"arn:aws:iam::111122223333:role/prisma-saas-s3-cross-account-access-role"}],\
            "Version":"2012-10-17"}
            """
        #expect(document.compactText == expected)
        #expect(document.iamCharacterCount == 614)
    }

    @Test func namesAndPartitionAreParameters() throws {
        let policies = ScannerPolicy.primaryPolicies(
            baseName: "scan", secondaryIDs: [try PolicyFixtures.account("444455556666")], roleName: "reader",
            partition: "aws-cn")
        #expect(policies.map(\.name) == ["scan"])
        #expect(policies.first?.document.statements.last?.resources == ["arn:aws-cn:iam::444455556666:role/reader"])
    }

    @Test func noSecondariesGivesTheActionsAlone() {
        let policies = ScannerPolicy.primaryPolicies(secondaryIDs: [])
        #expect(policies.count == 1)
        #expect(policies.first?.document == ScannerPolicy.secondaryDocument)
        #expect(policies.first?.document.iamCharacterCount == 484)
    }

    @Test func seventyFiveGrantsFitInOnePolicy() throws {
        let policies = ScannerPolicy.primaryPolicies(secondaryIDs: try PolicyFixtures.accounts(75))
        #expect(policies.map(\.name) == ["prisma-saas-s3-primary-policy"])
        #expect(policies.first?.document.iamCharacterCount == 6_092)
    }

    @Test func theSeventySixthGrantStartsASecondPolicy() throws {
        let accounts = try PolicyFixtures.accounts(76)
        let policies = ScannerPolicy.primaryPolicies(secondaryIDs: accounts)
        #expect(policies.map(\.name) == ["prisma-saas-s3-primary-policy", "prisma-saas-s3-primary-policy-2"])
        #expect(policies.map(\.grantedAccounts.count) == [75, 1])
        let second = try #require(policies.last)
        #expect(second.document.statements.count == 1)
        #expect(second.document.statements.first?.actions == ["sts:AssumeRole"])
        #expect(second.grantedAccounts == [accounts[75]])
    }

    @Test func limitIsInclusiveAtTheExactCharacter() throws {
        let accounts = try PolicyFixtures.accounts(75)
        #expect(ScannerPolicy.primaryPolicies(secondaryIDs: accounts, characterLimit: 6_092).count == 1)
        let split = ScannerPolicy.primaryPolicies(secondaryIDs: accounts, characterLimit: 6_091)
        #expect(split.map(\.grantedAccounts.count) == [74, 1])
    }

    @Test func manySecondariesSplitAcrossPoliciesThatAllFit() throws {
        let accounts = try PolicyFixtures.accounts(200)
        let policies = ScannerPolicy.primaryPolicies(secondaryIDs: accounts + accounts.prefix(3))
        // 75 fit next to the actions; a grants-only policy holds 81 (6,090 characters).
        #expect(policies.map(\.grantedAccounts.count) == [75, 81, 44])
        #expect(policies.map(\.name).last == "prisma-saas-s3-primary-policy-3")
        #expect(policies.allSatisfy { $0.document.iamCharacterCount <= ScannerPolicy.managedPolicyCharacterLimit })
        #expect(policies.flatMap(\.grantedAccounts) == accounts)
        #expect(ScannerPolicy.grantedAccounts(in: policies.map(\.document)) == accounts)
    }

    @Test func attachmentLimitIsChecked() throws {
        let policies = ScannerPolicy.primaryPolicies(secondaryIDs: try PolicyFixtures.accounts(200))
        try ScannerPolicy.checkAttachmentLimit(policies, otherAttached: 7)
        #expect(throws: PolicyError.tooManyManagedPolicies(needed: 11, limit: 10)) {
            try ScannerPolicy.checkAttachmentLimit(policies, otherAttached: 8)
        }
    }
}
