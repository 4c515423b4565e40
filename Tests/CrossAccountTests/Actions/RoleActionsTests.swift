import AWS
import CrossAccount
import Services
import TestSupport
import Testing

@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct RoleActionsTests {
    @Test func roleIsCreatedTrustedAttachedVerifiedThenLeftAlone() async throws {
        let harness = try await ActionHarness.secondary(1)
        let emulator = try #require(Emulator.current)
        let primary = try AccountID(emulator.primary)
        let suffix = Emulator.uniqueSuffix()
        let role = "role-\(suffix)"
        let policy = "secondary-\(suffix)"
        _ = try await PolicyActions.ensureManagedPolicy(
            name: policy, document: ScannerPolicy.secondaryDocument, context: harness.apply)

        harness.resetCalls()
        let plan = try await RoleActions.ensureRole(
            name: role, trusting: primary, attaching: policy, context: harness.plan)
        #expect(plan.outcome == .wouldCreate)
        #expect(plan.calls == ["iam:CreateRole \(role)", "iam:AttachRolePolicy \(policy)"])
        #expect(harness.mutatingCalls.isEmpty)

        let created = try await RoleActions.ensureRole(
            name: role, trusting: primary, attaching: policy, context: harness.apply)
        #expect(created.outcome == .created)
        #expect(created.fields == [Report.Field("role arn", "arn:aws:iam::\(harness.account.id):role/\(role)")])
        #expect(harness.mutatingCalls == ["iam:CreateRole", "iam:AttachRolePolicy"])

        harness.resetCalls()
        let again = try await RoleActions.ensureRole(
            name: role, trusting: primary, attaching: policy, context: harness.apply)
        #expect(again.outcome == .unchanged)
        #expect(harness.mutatingCalls.isEmpty)

        let shown = try await RoleActions.showRole(name: role, context: harness.apply)
        #expect(shown.fields.contains(Report.Field("trusted", "arn:aws:iam::\(primary):root")))
    }

    @Test func driftedTrustGainsThePrimaryAndKeepsItsOtherStatements() async throws {
        let harness = try await ActionHarness.secondary(2)
        let emulator = try #require(Emulator.current)
        let primary = try AccountID(emulator.primary)
        let role = "role-\(Emulator.uniqueSuffix())"
        let other = try AccountID("444455556666")
        let iam = try harness.iam()
        var trust = TrustPolicy.document(primaryAccount: other)
        var statements = trust.statements
        statements[0].sid = "Other"
        trust.statements = statements
        _ = try await iam.createRole(name: role, trustPolicy: trust.compactText)

        harness.resetCalls()
        let plan = try await RoleActions.ensureRole(name: role, trusting: primary, context: harness.plan)
        #expect(plan.outcome == .wouldUpdate)
        #expect(plan.calls == ["iam:UpdateAssumeRolePolicy \(role)"])
        #expect(plan.diff.contains { $0.hasPrefix("+ ") && $0.contains("\(primary):root") })
        #expect(harness.mutatingCalls.isEmpty)

        let updated = try await RoleActions.ensureRole(name: role, trusting: primary, context: harness.apply)
        #expect(updated.outcome == .updated)
        #expect(harness.mutatingCalls == ["iam:UpdateAssumeRolePolicy"])
        let readBack = try PolicyDocument(parsing: try await iam.getRole(name: role).trustPolicy)
        #expect(readBack.trustAdmits(account: primary))
        #expect(readBack.trustAdmits(account: other))
        #expect(readBack.statements.contains { $0.sid == "Other" })
    }
}
