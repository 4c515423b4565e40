import Foundation

/// An IAM user.
public struct IAMUser: Sendable, Equatable {
    /// The user name.
    public var name: String
    /// The user's ARN.
    public var arn: String
    /// The unique id.
    public var id: String
}

/// A freshly created access key. Its secret exists only here: show it once, never store it.
public struct NewAccessKey: Sendable, Equatable {
    /// The access key id.
    public var accessKeyID: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The owning user.
    public var userName: String
}

extension NewAccessKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "NewAccessKey(\(accessKeyID), secret redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["accessKeyID": accessKeyID], displayStyle: .struct) }
}

/// An access key as listed (without its secret).
public struct AccessKeyMetadata: Sendable, Equatable {
    /// The access key id.
    public var accessKeyID: String
    /// Whether its status is `Active`.
    public var isActive: Bool
    /// When it was created.
    public var created: Date?
}

/// A customer managed policy.
public struct ManagedPolicy: Sendable, Equatable {
    /// The policy name.
    public var name: String
    /// The policy ARN.
    public var arn: String
    /// The id of the default version, e.g. `v3`.
    public var defaultVersionID: String
    /// How many users, groups and roles it is attached to.
    public var attachmentCount: Int
}

/// One version of a managed policy.
public struct PolicyVersion: Sendable, Equatable {
    /// The version id, e.g. `v2`.
    public var versionID: String
    /// Whether it is the default version.
    public var isDefault: Bool
    /// When it was created.
    public var created: Date?
    /// The decoded JSON document (only from `GetPolicyVersion`).
    public var document: String?
}

/// A policy attached to a user or role.
public struct AttachedPolicy: Sendable, Equatable {
    /// The policy name.
    public var name: String
    /// The policy ARN.
    public var arn: String
}

/// An IAM role.
public struct IAMRole: Sendable, Equatable {
    /// The role name.
    public var name: String
    /// The role ARN.
    public var arn: String
    /// The decoded trust policy.
    public var trustPolicy: String
    /// The longest session, in seconds.
    public var maxSessionDuration: Int?
}

/// One result of `SimulatePrincipalPolicy`.
public struct SimulationResult: Sendable, Equatable {
    /// The action simulated.
    public var action: String
    /// The resource simulated.
    public var resource: String
    /// `allowed`, `explicitDeny` or `implicitDeny`.
    public var decision: String

    /// Whether the simulation allowed the action.
    public var isAllowed: Bool { decision == "allowed" }
}
