import Foundation

/// The process environment as a value, so tests can inject their own.
public struct Environment: Sendable {
    /// The variables, by name.
    public var variables: [String: String]

    /// Wraps the given variables.
    public init(_ variables: [String: String]) {
        self.variables = variables
    }

    /// The environment this process was started with.
    public static var process: Environment {
        Environment(ProcessInfo.processInfo.environment)
    }

    /// The value of `name`, or nil when it is unset or empty (as the AWS tools treat empty values).
    public subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// The user's home directory: `HOME`, else the password database's answer.
    public var homeDirectory: String {
        self["HOME"] ?? NSHomeDirectory()
    }

    /// Expands a leading `~` or `~/` the way the AWS CLI does for file settings.
    public func expandingTilde(_ path: String) -> String {
        if path == "~" { return homeDirectory }
        if path.hasPrefix("~/") { return homeDirectory + path.dropFirst(1) }
        return path
    }
}
