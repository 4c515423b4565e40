/// One AWS CLI command, ready to paste, with the document it reads through `file://`, if any.
struct CLICommand: Sendable, Equatable {
    /// The command line, e.g. `aws iam create-role --role-name R --assume-role-policy-document file://R-trust.json`.
    var text: String
    /// The document to save next to it under its `file://` name.
    var document: Document?

    /// A JSON document a command reads from a file.
    struct Document: Sendable, Equatable {
        /// The file name the command line refers to.
        var fileName: String
        /// The JSON text.
        var text: String
    }
}

/// What the CLI equivalents need to know of the account a command acted in.
struct AccountFacts: Sendable, Equatable {
    /// The 12-digit account id.
    var id: String
    /// The partition (`aws`, `aws-cn`, `aws-us-gov`).
    var partition: String
    /// The region resources are created in.
    var region: String

    /// Stand-ins for an account s3x does not know (the runbook then shows placeholders).
    static let unknown = AccountFacts(id: "ACCOUNT_ID", partition: "aws", region: "REGION")
}
