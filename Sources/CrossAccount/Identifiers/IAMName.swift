/// Validation of IAM user, role and policy names.
///
/// The rules are those of the IAM API reference (`CreateUser`, `CreateRole`, `CreatePolicy`):
/// ASCII letters, digits and `_+=,.@-`; 1 to 64 characters for users and roles, 1 to 128 for policies.
public enum IAMName {
    /// The characters IAM accepts in user, role and policy names, in words for error messages.
    static let allowedDescription = "ASCII letters, digits and _ + = , . @ -"

    /// Returns `text` if it is a valid IAM user name.
    /// - Throws: `IdentifierError` naming the length or the first offending character.
    @discardableResult
    public static func user(_ text: String) throws(IdentifierError) -> String {
        try validate(text, .userName, maximumLength: 64)
    }

    /// Returns `text` if it is a valid IAM role name.
    /// - Throws: `IdentifierError` naming the length or the first offending character.
    @discardableResult
    public static func role(_ text: String) throws(IdentifierError) -> String {
        try validate(text, .roleName, maximumLength: 64)
    }

    /// Returns `text` if it is a valid IAM managed policy name.
    /// - Throws: `IdentifierError` naming the length or the first offending character.
    @discardableResult
    public static func policy(_ text: String) throws(IdentifierError) -> String {
        try validate(text, .policyName, maximumLength: 128)
    }

    private static func validate(_ text: String, _ kind: IdentifierKind, maximumLength: Int) throws(IdentifierError)
        -> String
    {
        try IdentifierRules.checkCharacters(text, kind, allowed: allowedDescription) { character in
            IdentifierRules.isASCIIAlphanumeric(character) || "_+=,.@-".contains(character)
        }
        try IdentifierRules.checkLength(text, kind, 1...maximumLength)
        return text
    }
}
