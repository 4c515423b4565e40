import AWS
import Locking

/// The `check` command: reads back every item of the procedure in every account and proves, with
/// the scanner's key when given, that the scanner can assume each secondary role.
///
/// Nothing is changed. Each item becomes one row of the report's table (`ok`, `FAIL` or
/// `skipped`); an unexpected AWS error fails only the item it happened in. Accounts are read
/// concurrently, at most `maxConcurrentAccounts` at a time.
public struct SetupCheck: Sendable {
    /// The scanner user's access key; its secret never reaches a row, field or log.
    struct ScannerKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        /// The access key id.
        var accessKeyID: String
        /// The secret access key.
        var secret: String

        var description: String { "ScannerKey(\(accessKeyID), secret redacted)" }
        var debugDescription: String { description }
        var customMirror: Mirror { Mirror(self, children: ["accessKeyID": accessKeyID], displayStyle: .struct) }
    }

    /// The account holding the bucket, the primary trail and the scanner's user.
    public var primary: Account
    /// The accounts holding a role and a trail each.
    public var secondaries: [Account]
    /// The names of everything the procedure creates.
    public var names: ProcedureNames
    /// The data events the trails must record.
    public var dataEvents: DataEvents
    /// How many accounts are read at the same time.
    public var maxConcurrentAccounts: Int
    /// The key for the end-to-end proof; without it the proof is simulated or skipped.
    let scannerKey: ScannerKey?

    /// Creates a check; `scannerKey` is the scanner user's access key id and secret, if known.
    public init(
        primary: Account, secondaries: [Account], names: ProcedureNames, dataEvents: DataEvents,
        scannerKey: (accessKeyID: String, secret: String)?, maxConcurrentAccounts: Int = 16
    ) {
        self.primary = primary
        self.secondaries = secondaries
        self.names = names
        self.dataEvents = dataEvents
        self.maxConcurrentAccounts = max(1, maxConcurrentAccounts)
        self.scannerKey = scannerKey.map { ScannerKey(accessKeyID: $0.accessKeyID, secret: $0.secret) }
    }

    /// The CloudTrail bucket every trail logs to.
    var bucket: String { names.bucket(primary: primary.id) }

    /// Reads every item and reports one row each; `succeeded` is false when any row is `FAIL`.
    public func run() async -> Report {
        var jobs: [@Sendable () async -> CheckFindings] = [{ await checkPrimary() }]
        for secondary in secondaries {
            jobs.append { await checkSecondary(secondary) }
        }
        jobs.append { await checkProof() }

        var all = CheckFindings()
        for part in await Self.runBounded(jobs, limit: maxConcurrentAccounts) {
            all.append(part)
        }
        return Report(
            command: "check", account: primary.alias, resource: bucket, fields: all.fields,
            table: Report.Table(columns: CheckRow.columns, rows: all.rows.map(\.cells)),
            succeeded: !all.rows.contains { $0.status == .fail })
    }

    /// Every item of the primary account.
    func checkPrimary() async -> CheckFindings {
        var findings = CheckFindings()
        await checkBucket(into: &findings)
        await checkTrail(names.primaryTrail, in: primary, into: &findings)
        await checkUser(into: &findings)
        return findings
    }

    /// Every item of one secondary account.
    func checkSecondary(_ secondary: Account) async -> CheckFindings {
        var findings = CheckFindings()
        await checkRole(in: secondary, into: &findings)
        await checkTrail(names.secondaryTrail, in: secondary, into: &findings)
        return findings
    }

    /// Runs an AWS call, turning its error into the item's problem.
    /// - Throws: `CheckProblem.aws` with the call's error.
    func read<T>(_ body: () async throws(AWSError) -> T) async throws(CheckProblem) -> T {
        do {
            return try await body()
        } catch {
            throw .aws(error)
        }
    }

    /// Runs `jobs` with at most `limit` at a time and returns their results in the jobs' order.
    static func runBounded(
        _ jobs: [@Sendable () async -> CheckFindings], limit: Int
    ) async -> [CheckFindings] {
        await jobs.concurrentMap(limit: limit) { job in await job() }
    }
}
