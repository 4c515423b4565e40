import Foundation

/// An IAM Identity Center access token read from the AWS CLI's token cache.
///
/// Printing a value never shows the token.
public struct SSOToken: Sendable, Equatable {
    /// The bearer token the portal accepts (secret).
    public var accessToken: String
    /// When the token stops working.
    public var expiresAt: Date

    /// Creates a token.
    public init(accessToken: String, expiresAt: Date) {
        self.accessToken = accessToken
        self.expiresAt = expiresAt
    }
}

extension SSOToken: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "SSOToken(token redacted, expiring \(ISO8601.format(expiresAt)))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["expiresAt": expiresAt], displayStyle: .struct)
    }
}
