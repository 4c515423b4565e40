/// One statement of a policy document, keeping every field as written.
///
/// Typed accessors read and write the fields s3x works with; any other field (`NotAction`,
/// `NotPrincipal`, future keys) stays in `fields` untouched.
public struct PolicyStatement: Sendable, Hashable {
    /// All fields of the statement, known or not.
    public var fields: [String: JSONValue]

    /// Wraps the fields of an existing statement.
    public init(fields: [String: JSONValue]) {
        self.fields = fields
    }

    /// A new statement; `Action` and `Resource` are written as strings when they hold one value.
    public init(
        sid: String? = nil, effect: String = "Allow", principal: Principal? = nil,
        actions: [String], resources: [String], condition: JSONValue? = nil
    ) {
        fields = ["Effect": .string(effect)]
        self.sid = sid
        self.principal = principal
        self.actions = actions
        self.resources = resources
        self.condition = condition
    }

    /// The `Sid`, if any.
    public var sid: String? {
        get { fields["Sid"]?.stringValue }
        set { fields["Sid"] = newValue.map(JSONValue.string) }
    }

    /// The `Effect`: "Allow" or "Deny" in a valid policy.
    public var effect: String? {
        get { fields["Effect"]?.stringValue }
        set { fields["Effect"] = newValue.map(JSONValue.string) }
    }

    /// Whether the statement allows (rather than denies) what it names.
    public var isAllow: Bool { effect == "Allow" }

    /// The `Action` values, whether written as a string or an array.
    public var actions: [String] {
        get { fields["Action"]?.stringOrArrayValues ?? [] }
        set { setStringOrArray("Action", newValue) }
    }

    /// The `Resource` values, whether written as a string or an array.
    public var resources: [String] {
        get { fields["Resource"]?.stringOrArrayValues ?? [] }
        set { setStringOrArray("Resource", newValue) }
    }

    /// The `Principal`, if present in a supported form.
    public var principal: Principal? {
        get { fields["Principal"].flatMap(Principal.init(json:)) }
        set { fields["Principal"] = newValue?.json }
    }

    /// The `Condition` block, kept as raw JSON.
    public var condition: JSONValue? {
        get { fields["Condition"] }
        set { fields["Condition"] = newValue }
    }

    /// The statement as a JSON object.
    public var json: JSONValue { .object(fields) }

    /// Whether an `Action` entry covers `action`, honouring IAM's `*` and `?` wildcards, case-insensitively.
    public func allows(action: String) -> Bool {
        actions.contains { Wildcard.matches(pattern: $0, value: action, caseSensitive: false) }
    }

    /// Keeps the field's existing shape: a string stays a string while it holds one value.
    private mutating func setStringOrArray(_ key: String, _ values: [String]) {
        if values.isEmpty {
            fields[key] = nil
            return
        }
        let wasArray = fields[key]?.arrayValue != nil
        fields[key] = .stringOrArray(values, preferString: !wasArray)
    }
}
