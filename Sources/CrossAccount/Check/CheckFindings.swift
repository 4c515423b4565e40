import AWS

/// The rows and fields one part of the check produced, in the order they were found.
struct CheckFindings: Sendable {
    /// The table rows.
    var rows: [CheckRow] = []
    /// Facts for the report's `fields` (role ARNs, access key ids).
    var fields: [Report.Field] = []

    /// Runs one item's check and records an `ok` row with the detail it returns, or a `FAIL` row
    /// with the problem it throws; returns whether the item was ok.
    @discardableResult
    mutating func check(
        _ account: String, _ item: String, _ body: () async throws(CheckProblem) -> String
    ) async -> Bool {
        do {
            let detail = try await body()
            rows.append(CheckRow(account: account, item: item, status: .ok, detail: detail))
            return true
        } catch {
            rows.append(CheckRow(account: account, item: item, status: .fail, detail: error.description))
            return false
        }
    }

    /// Records a `skipped` row that says why the item was not examined.
    mutating func skip(_ account: String, _ item: String, because reason: String) {
        rows.append(CheckRow(account: account, item: item, status: .skipped, detail: reason))
    }

    /// Appends another part's rows and fields.
    mutating func append(_ other: CheckFindings) {
        rows += other.rows
        fields += other.fields
    }
}
