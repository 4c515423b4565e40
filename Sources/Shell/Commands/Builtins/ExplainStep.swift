/// One API call a command may make, as `explain` lists it: the call, the AWS CLI command making
/// the same call, and when it is made.
///
/// `call` and `cli` hold placeholders in angle brackets, named after the command's arguments and
/// option placeholders (`<NAME>`, `<BUCKET>`), plus `<ACCOUNT_ID>` and `<PARTITION>` of the
/// account acted in; `explain` fills those it knows.
struct ExplainStep: Sendable, Equatable {
    /// Whether the call reads state or changes it.
    enum Kind: Sendable, Equatable {
        /// Always made, before anything changes; never changes anything.
        case read
        /// Made only when the state differs from what is asked (never in a dry run).
        case write
    }

    /// Read or write.
    var kind: Kind
    /// The call, e.g. `s3:CreateBucket <NAME>`.
    var call: String
    /// The AWS CLI command, e.g. `aws s3api create-bucket --bucket <NAME>`.
    var cli: String
    /// When the call is made, if not always (e.g. `with --cloudtrail`).
    var condition: String? = nil
    /// The option that must be given for the call to be made, if any.
    var option: String? = nil

    /// A read step.
    static func read(_ call: String, _ cli: String, when condition: String? = nil, option: String? = nil) -> Self {
        ExplainStep(kind: .read, call: call, cli: cli, condition: condition, option: option)
    }

    /// A write step.
    static func write(_ call: String, _ cli: String, when condition: String? = nil, option: String? = nil) -> Self {
        ExplainStep(kind: .write, call: call, cli: cli, condition: condition, option: option)
    }
}
