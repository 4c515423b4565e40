import AWS
import CrossAccount
import Services
import TestSupport
import Testing

@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct PolicyActionsTests {
    /// A small valid document that differs by `action`.
    static func document(_ action: String) -> PolicyDocument {
        PolicyDocument(statements: [PolicyStatement(actions: [action], resources: ["*"])])
    }

    @Test func createsLeavesAloneThenVersionsADriftedPolicy() async throws {
        let harness = try ActionHarness.primary()
        let name = "policy-\(Emulator.uniqueSuffix())"
        let plan = try await PolicyActions.ensureManagedPolicy(
            name: name, document: Self.document("s3:List*"), context: harness.plan)
        #expect(plan.outcome == .wouldCreate)
        #expect(plan.calls == ["iam:CreatePolicy \(name)"])
        #expect(plan.diff.contains { $0.hasPrefix("+ ") && $0.contains("s3:List*") })
        #expect(harness.mutatingCalls.isEmpty)

        let created = try await PolicyActions.ensureManagedPolicy(
            name: name, document: Self.document("s3:List*"), context: harness.apply)
        #expect(created.outcome == .created)
        harness.resetCalls()
        let same = try await PolicyActions.ensureManagedPolicy(
            name: name, document: Self.document("s3:List*"), context: harness.apply)
        #expect(same.outcome == .unchanged)
        #expect(harness.mutatingCalls.isEmpty)

        let updated = try await PolicyActions.ensureManagedPolicy(
            name: name, document: Self.document("s3:Get*"), context: harness.apply)
        #expect(updated.outcome == .updated)
        #expect(harness.mutatingCalls == ["iam:CreatePolicyVersion"])
        #expect(updated.diff.contains { $0.hasPrefix("- ") && $0.contains("s3:List*") })
        let shown = try await PolicyActions.showPolicy(nameOrARN: name, context: harness.apply)
        #expect(shown.fields.contains(Report.Field("default version", "v2")))
        #expect(shown.diff.contains { $0.contains("s3:Get*") })
    }

    @Test func prunesTheOldestNonDefaultVersionAtFive() async throws {
        let harness = try ActionHarness.primary()
        let name = "policy-\(Emulator.uniqueSuffix())"
        let actions = ["s3:A*", "s3:B*", "s3:C*", "s3:D*", "s3:E*"]
        for action in actions {
            _ = try await PolicyActions.ensureManagedPolicy(
                name: name, document: Self.document(action), context: harness.apply)
        }
        let arn = "arn:aws:iam::\(harness.account.id):policy/\(name)"
        #expect(try await harness.iam().listPolicyVersions(arn: arn).count == 5)

        let plan = try await PolicyActions.ensureManagedPolicy(
            name: name, document: Self.document("s3:F*"), context: harness.plan)
        #expect(plan.calls == ["iam:DeletePolicyVersion \(name) v1", "iam:CreatePolicyVersion \(name)"])

        harness.resetCalls()
        let report = try await PolicyActions.ensureManagedPolicy(
            name: name, document: Self.document("s3:F*"), context: harness.apply)
        #expect(report.outcome == .updated)
        #expect(harness.mutatingCalls == ["iam:DeletePolicyVersion", "iam:CreatePolicyVersion"])
        let versions = try await harness.iam().listPolicyVersions(arn: arn)
        #expect(Set(versions.map(\.versionID)) == ["v2", "v3", "v4", "v5", "v6"])
        #expect(versions.first(where: \.isDefault)?.versionID == "v6")
    }

    @Test func primaryPoliciesAreCreatedAttachedThenLeftAlone() async throws {
        let harness = try ActionHarness.primary()
        let suffix = Emulator.uniqueSuffix()
        var names = ProcedureNames.default
        names.user = "scanner-\(suffix)"
        names.primaryPolicy = "primary-\(suffix)"
        _ = try await UserActions.ensureUser(name: names.user, context: harness.apply)
        let secondaries = try ["111111111111", "222222222222"].map(AccountID.init)

        let first = try await PolicyActions.ensurePrimaryPolicies(
            names: names, secondaryIDs: secondaries, context: harness.apply)
        #expect(first.map(\.outcome) == [.created])
        let attached = try await harness.iam().listAttachedUserPolicies(userName: names.user)
        #expect(attached.map(\.name) == [names.primaryPolicy])

        harness.resetCalls()
        let second = try await PolicyActions.ensurePrimaryPolicies(
            names: names, secondaryIDs: secondaries, context: harness.apply)
        #expect(second.map(\.outcome) == [.unchanged])
        #expect(harness.mutatingCalls.isEmpty)
    }

    @Test func quotaIsCheckedBeforeAnythingIsWritten() async throws {
        let harness = try ActionHarness.primary()
        let suffix = Emulator.uniqueSuffix()
        var names = ProcedureNames.default
        names.user = "scanner-\(suffix)"
        names.primaryPolicy = "primary-\(suffix)"
        let iam = try harness.iam()
        _ = try await iam.createUser(name: names.user)
        let quota = try await iam.getAccountSummary()["AttachedPoliciesPerUserQuota"] ?? 10
        for index in 0..<quota {
            let filler = try await iam.createPolicy(
                name: "filler-\(suffix)-\(index)", document: Self.document("s3:List*").compactText)
            try await iam.attachUserPolicy(userName: names.user, policyARN: filler.arn)
        }
        harness.resetCalls()
        let error = await #expect(throws: ActionError.self) {
            try await PolicyActions.ensurePrimaryPolicies(
                names: names, secondaryIDs: [try AccountID("111111111111")], context: harness.apply)
        }
        guard case .attachedPolicyQuota(_, _, let count, let missing, let limit) = error else {
            Issue.record("expected attachedPolicyQuota, got \(String(describing: error))")
            return
        }
        #expect((count, missing, limit) == (quota, [names.primaryPolicy], quota))
        #expect(harness.mutatingCalls.isEmpty)
        #expect("\(error.map(String.init(describing:)) ?? "")".contains("nothing was written"))
    }
}
