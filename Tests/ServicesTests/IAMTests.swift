import AWS
import Foundation
import Services
import TestSupport
import Testing

@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct IAMTests {
    let emulator: Emulator
    let iam: IAM

    init() throws {
        emulator = try #require(Emulator.current, Emulator.skipReason)
        iam = try emulator.factory().iam(
            region: emulator.region, credentials: StaticCredentialProvider(emulator.adminCredentials))
    }

    @Test func usersAndAccessKeys() async throws {
        let name = "user-\(Emulator.uniqueSuffix())"
        let created = try await iam.createUser(name: name)
        #expect(created.arn == "arn:aws:iam::\(emulator.primary):user/\(name)")
        #expect(try await iam.getUser(name: name) == created)

        let duplicate = await #expect(throws: AWSError.self) { try await iam.createUser(name: name) }
        #expect(duplicate?.code == "EntityAlreadyExists")
        let missing = await #expect(throws: AWSError.self) { try await iam.getUser(name: name + "-none") }
        #expect(missing?.code == "NoSuchEntity")

        let key = try await iam.createAccessKey(userName: name)
        #expect(key.accessKeyID.hasPrefix("AKIA"))
        #expect(!key.secretAccessKey.isEmpty)
        #expect(!"\(key)".contains(key.secretAccessKey))
        let listed = try await iam.listAccessKeys(userName: name)
        #expect(listed.map(\.accessKeyID) == [key.accessKeyID])
        #expect(listed.first?.isActive == true)

        try await iam.deleteAccessKey(userName: name, accessKeyID: key.accessKeyID)
        #expect(try await iam.listAccessKeys(userName: name).isEmpty)
    }

    @Test func managedPolicyVersionsAndAttachments() async throws {
        let suffix = Emulator.uniqueSuffix()
        let document = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:List*","Resource":"*"}]}"#
        let policy = try await iam.createPolicy(name: "policy-\(suffix)", document: document)
        #expect(policy.arn == "arn:aws:iam::\(emulator.primary):policy/policy-\(suffix)")
        #expect(try await iam.getPolicy(arn: policy.arn).defaultVersionID == "v1")

        let first = try await iam.getPolicyVersion(arn: policy.arn, versionID: "v1")
        let decoded = try JSONSerialization.jsonObject(with: Data((first.document ?? "").utf8)) as? [String: Any]
        #expect(decoded?["Version"] as? String == "2012-10-17")

        let updated = document.replacingOccurrences(of: "s3:List*", with: "s3:Get*")
        let second = try await iam.createPolicyVersion(arn: policy.arn, document: updated, setAsDefault: true)
        #expect(second.versionID == "v2")
        #expect(second.isDefault)
        let versions = try await iam.listPolicyVersions(arn: policy.arn)
        #expect(Set(versions.map(\.versionID)) == ["v1", "v2"])
        #expect(versions.first { $0.isDefault }?.versionID == "v2")
        try await iam.deletePolicyVersion(arn: policy.arn, versionID: "v1")
        #expect(try await iam.listPolicyVersions(arn: policy.arn).map(\.versionID) == ["v2"])

        let user = try await iam.createUser(name: "user-\(suffix)")
        try await iam.attachUserPolicy(userName: user.name, policyARN: policy.arn)
        #expect(try await iam.listAttachedUserPolicies(userName: user.name).map(\.arn) == [policy.arn])

        let trust = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\(emulator.primary):root"},"Action":"sts:AssumeRole"}]}
            """
        let role = try await iam.createRole(name: "role-\(suffix)", trustPolicy: trust)
        try await iam.attachRolePolicy(roleName: role.name, policyARN: policy.arn)
        #expect(try await iam.listAttachedRolePolicies(roleName: role.name).map(\.name) == ["policy-\(suffix)"])
    }

    @Test func rolesAndTrustPolicies() async throws {
        let name = "role-\(Emulator.uniqueSuffix())"
        let trust = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}
            """
        let role = try await iam.createRole(name: name, trustPolicy: trust)
        #expect(role.arn == "arn:aws:iam::\(emulator.primary):role/\(name)")
        #expect(try await iam.getRole(name: name).trustPolicy.contains("111111111111"))

        try await iam.updateAssumeRolePolicy(
            roleName: name, trustPolicy: trust.replacingOccurrences(of: "111111111111", with: "222222222222"))
        let fetched = try await iam.getRole(name: name)
        #expect(fetched.trustPolicy.contains("222222222222"))
        #expect(!fetched.trustPolicy.contains("111111111111"))
    }

    @Test func malformedPolicyIsRefusedByIAM() async throws {
        let error = await #expect(throws: AWSError.self) {
            try await iam.createPolicy(name: "bad-\(Emulator.uniqueSuffix())", document: #"{"Version":"2012-10-17"}"#)
        }
        #expect(error?.code == "MalformedPolicyDocument")
    }

    @Test func accountSummaryHasTheAttachedPolicyQuota() async throws {
        let summary = try await iam.getAccountSummary()
        #expect(summary["AttachedPoliciesPerUserQuota"] == 10)
    }
}
