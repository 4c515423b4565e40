/// One line of the `check` table: an item of the procedure in one account and what was found.
public struct CheckRow: Sendable, Equatable {
    /// The verdict on one item.
    public enum Status: String, Sendable, Equatable {
        /// The item is as the procedure wants it.
        case ok
        /// The item is missing or wrong; the check fails.
        case fail = "FAIL"
        /// The item was not examined (a prerequisite is missing, or a proof cannot run); says why.
        case skipped
    }

    /// The alias of the account the item lives in.
    public var account: String
    /// The item, e.g. `trail: logging`.
    public var item: String
    /// The verdict.
    public var status: Status
    /// What was found, or why the item failed or was skipped.
    public var detail: String

    /// Creates a row.
    public init(account: String, item: String, status: Status, detail: String) {
        self.account = account
        self.item = item
        self.status = status
        self.detail = detail
    }

    /// The cells in the order of `columns`.
    public var cells: [String] { [account, item, status.rawValue, detail] }

    /// The table's column headings.
    public static let columns = ["account", "item", "status", "detail"]
}
