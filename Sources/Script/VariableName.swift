/// The rule for the names `${...}` may hold; public so the shell's `set NAME VALUE` can apply it too.
///
/// A name is `[A-Za-z_][A-Za-z0-9_-]*` optionally followed by `.segment` parts made of
/// `[A-Za-z0-9_-]+` (`${primary.id}`, `${env.HOME}`), or all digits (`${1}`). `args` is an ordinary name.
public enum VariableName {
    /// True when `name` is a valid variable name; the empty string is not.
    public static func isValid(_ name: String) -> Bool {
        if !name.isEmpty, name.allSatisfy(\.isASCIIDigit) { return true }
        let segments = name.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = segments.first, let head = first.first, head.isNameStart else { return false }
        guard first.allSatisfy(\.isNameContinuation) else { return false }
        return segments.dropFirst().allSatisfy { segment in
            !segment.isEmpty && segment.allSatisfy(\.isNameContinuation)
        }
    }
}
