import AWS
import CrossAccount
import Services
import TestSupport
import Testing

/// `check` against moto with authentication on: a complete setup passes, each single missing
/// piece fails exactly its row, and the end-to-end proof uses the scanner's real key.
@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct SetupCheckTests {
    let emulator: Emulator

    init() throws {
        emulator = try #require(Emulator.current)
    }

    /// The rows of a report's table as `CheckRow`-like cell arrays.
    static func rows(_ report: Report) -> [[String]] {
        report.table?.rows ?? []
    }

    /// `[account, item]` of every row with `status`.
    static func items(_ report: Report, _ status: CheckRow.Status) -> [[String]] {
        rows(report).filter { $0[2] == status.rawValue }.map { [$0[0], $0[1]] }
    }

    @Test func completeSetupPassesWithTheEndToEndProof() async throws {
        let setup = try await CheckSetup.build(emulator)
        let report = await setup.check(withKey: true).run()

        #expect(report.table?.columns == ["account", "item", "status", "detail"])
        #expect(Self.items(report, .fail).isEmpty, "\(Self.rows(report))")
        #expect(Self.items(report, .skipped).isEmpty, "\(Self.rows(report))")
        #expect(report.succeeded)
        let proofs = Self.rows(report).filter { $0[1] == "proof: assume role" }
        #expect(proofs.map { $0[0] } == ["sec1", "sec2"])
        #expect(proofs.allSatisfy { $0[3].contains("assumed arn:aws:iam::") })
        let key = try #require(setup.scannerKey)
        #expect(report.fields.contains(Report.Field("access key id", key.accessKeyID)))
        for secondary in setup.secondaries {
            let arn = "arn:aws:iam::\(secondary.id):role/\(setup.names.role)"
            #expect(report.fields.contains(Report.Field("role arn \(secondary.alias)", arn)))
            #expect(Self.rows(report).contains([secondary.alias, "role", "ok", arn]))
        }
        #expect(!"\(report)".contains(key.secretAccessKey))
    }

    @Test func everyItemHasItsRow() async throws {
        let setup = try await CheckSetup.build(emulator)
        let report = await setup.check(withKey: true).run()
        let (primary, first) = (setup.primary, setup.secondaries[0])
        let trail = ["trail", "trail: all regions", "trail: bucket", "trail: S3 data events", "trail: logging"]
        let expected =
            [[primary.alias, "bucket"], [primary.alias, "bucket policy: CloudTrail GetBucketAcl"]]
            + ([primary] + setup.secondaries).map { [primary.alias, "bucket policy: logs of \($0.label)"] }
            + trail.map { [primary.alias, $0] }
            + ["user", "user: access key", "user: policies attached", "user: scanner actions"].map {
                [primary.alias, $0]
            }
            + setup.secondaries.map { [primary.alias, "user: AssumeRole \($0.label)"] }
            + ["policy", "role", "role: trust", "role: policy attached"].map { [first.alias, $0] }
            + trail.map { [first.alias, $0] }
        #expect(Array(Self.rows(report).map { [$0[0], $0[1]] }.prefix(expected.count)) == expected)
        // The second secondary repeats the first one's 9 rows; then the key proof and one proof per secondary.
        #expect(Self.rows(report).count == expected.count + 9 + 1 + 2)
    }

    @Test func withoutTheKeyTheProofIsSkippedWithHowToRunIt() async throws {
        let setup = try await CheckSetup.build(emulator)
        let report = await setup.check().run()

        #expect(report.succeeded)
        #expect(Self.items(report, .fail).isEmpty, "\(Self.rows(report))")
        let skipped = Self.rows(report).filter { $0[2] == "skipped" }
        #expect(skipped.map { [$0[0], $0[1]] } == [["sec1", "proof: assume role"], ["sec2", "proof: assume role"]])
        let key = try #require(setup.scannerKey)
        for row in skipped {
            #expect(row[3].contains("end-to-end proof skipped"))
            #expect(row[3].contains("--access-key-id \(key.accessKeyID)"))
            #expect(row[3].contains("S3X_SCANNER_SECRET_ACCESS_KEY"))
        }
    }

    @Test(arguments: CheckBreakage.allCases)
    func eachMissingPieceFailsExactlyItsRow(_ breakage: CheckBreakage) async throws {
        let setup = try await CheckSetup.build(emulator, breaking: breakage)
        let report = await setup.check().run()

        let expected = breakage.failingRow(primary: setup.primary, secondaries: setup.secondaries)
        #expect(Self.items(report, .fail) == [expected], "\(Self.rows(report))")
        #expect(!report.succeeded)
        let failed = Self.rows(report).first { $0[2] == "FAIL" }
        #expect(failed?[3].isEmpty == false)
    }

    @Test func aWrongSecretFailsTheProofWithTheSignatureError() async throws {
        let setup = try await CheckSetup.build(emulator)
        let wrong = "wrongSecretWrongSecretWrongSecret0123456"
        let report = await setup.check(withKey: true, secret: wrong).run()

        let failed = Self.rows(report).filter { $0[2] == "FAIL" }
        #expect(
            failed.map { [$0[0], $0[1]] } == [
                ["primary", "proof: scanner key"], ["sec1", "proof: assume role"], ["sec2", "proof: assume role"],
            ])
        #expect(failed.allSatisfy { $0[3].contains("SignatureDoesNotMatch") })
        #expect(!report.succeeded)
        #expect(!"\(report)".contains(wrong))
        let check = setup.check(withKey: true, secret: wrong)
        #expect(!"\(check)".contains(wrong) && !String(reflecting: check).contains(wrong))
    }

    @Test func aKeyOfAnotherUserFailsTheKeyProof() async throws {
        let setup = try await CheckSetup.build(emulator)
        let check = SetupCheck(
            primary: setup.primary, secondaries: setup.secondaries, names: setup.names, dataEvents: .all,
            scannerKey: (accessKeyID: emulator.accessKeyID, secret: emulator.secretAccessKey))
        let report = await check.run()

        #expect(Self.items(report, .fail) == [["primary", "proof: scanner key"]], "\(Self.rows(report))")
        let row = Self.rows(report).first { $0[1] == "proof: scanner key" }
        #expect(row?[3].contains("expected user \(setup.names.user)") == true)
    }

    @Test func aMissingGrantAlsoFailsThatSecondarysProof() async throws {
        let setup = try await CheckSetup.build(emulator, breaking: .grantMissingForSecondSecondary)
        let report = await setup.check(withKey: true).run()

        let proofs = Self.rows(report).filter { $0[1] == "proof: assume role" }
        #expect(proofs.map { [$0[0], $0[2]] } == [["sec1", "ok"], ["sec2", "FAIL"]])
        #expect(proofs.last?[3].contains("AssumeRole") == true)
    }

    @Test func anAWSErrorFailsOnlyThatAccountsItems() async throws {
        let setup = try await CheckSetup.build(emulator)
        var broken = setup.secondaries[1]
        broken.credentials = StaticCredentialProvider(
            Credentials(accessKeyID: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "not-a-secret", source: .prompt))
        var check = setup.check()
        check.secondaries = [setup.secondaries[0], broken]
        let report = await check.run()

        let failed = Self.rows(report).filter { $0[2] == "FAIL" }
        #expect(!failed.isEmpty)
        #expect(failed.allSatisfy { $0[0] == "sec2" && $0[3].contains("InvalidClientTokenId") }, "\(failed)")
        #expect(Self.rows(report).filter { $0[0] == "sec1" && $0[2] == "ok" }.count == 9)
        #expect(!report.succeeded)
    }
}
