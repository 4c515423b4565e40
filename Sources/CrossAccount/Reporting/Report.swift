/// What a command did or would do, in a shape both the human and the JSON output render.
///
/// The JSON form is documented in docs/output.md and kept stable: `command`, `account`,
/// `resource`, `outcome`, `fields`, `changes`, `diff`, `calls`, `table`, `secrets`.
public struct Report: Sendable, Equatable {
    /// The command, e.g. `bucket create`.
    public var command: String
    /// The alias of the account acted in, if any.
    public var account: String?
    /// The resource's name or ARN.
    public var resource: String?
    /// The ensure outcome, if the command changes state.
    public var outcome: Outcome?
    /// Facts to show as `key: value` lines (in order), e.g. the role ARN.
    public var fields: [Field]
    /// What changed (or would change), one human sentence each.
    public var changes: [String]
    /// A document diff (`- `, `+ `, `  ` lines) for dry-run plans and updates.
    public var diff: [String]
    /// API calls made or planned, e.g. `s3:PutBucketPolicy prisma-saas-s3-123456789012`.
    public var calls: [String]
    /// Rows to show as a table.
    public var table: Table?
    /// Values shown once and never recorded (a new access key's secret).
    public var secrets: [Field]
    /// Whether the command succeeded in its own terms (`check` fails without throwing).
    public var succeeded: Bool

    /// Creates a report.
    public init(
        command: String, account: String? = nil, resource: String? = nil, outcome: Outcome? = nil,
        fields: [Field] = [], changes: [String] = [], diff: [String] = [], calls: [String] = [], table: Table? = nil,
        secrets: [Field] = [], succeeded: Bool = true
    ) {
        self.command = command
        self.account = account
        self.resource = resource
        self.outcome = outcome
        self.fields = fields
        self.changes = changes
        self.diff = diff
        self.calls = calls
        self.table = table
        self.secrets = secrets
        self.succeeded = succeeded
    }

    /// A named value.
    public struct Field: Sendable, Equatable {
        /// The label, e.g. `role arn`.
        public var name: String
        /// The value.
        public var value: String

        /// Creates a field.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The result of an ensure-style command.
    public enum Outcome: String, Sendable, Equatable {
        /// The resource did not exist and was created.
        case created
        /// The resource existed and was changed.
        case updated
        /// The resource was already as asked; nothing was sent.
        case unchanged
        /// Dry run: the resource would be created.
        case wouldCreate = "would create"
        /// Dry run: the resource would be changed.
        case wouldUpdate = "would update"
        /// The resource was removed.
        case removed
        /// Dry run: the resource would be removed.
        case wouldRemove = "would remove"
    }

    /// Rows under named columns.
    public struct Table: Sendable, Equatable {
        /// Column headings.
        public var columns: [String]
        /// Rows, each with one cell per column.
        public var rows: [[String]]

        /// Creates a table.
        public init(columns: [String], rows: [[String]]) {
            self.columns = columns
            self.rows = rows
        }
    }
}
