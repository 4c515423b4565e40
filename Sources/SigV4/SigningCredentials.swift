/// The AWS credentials a request is signed with: an access key pair and, for temporary
/// credentials, a session token.
///
/// `description`, `debugDescription` and the reflection mirror show the access key ID only; the
/// secret access key and session token are never rendered.
public struct SigningCredentials: Sendable, Equatable {
    /// The public half of the key pair, e.g. `AKIDEXAMPLE`; it appears in every signed request.
    public var accessKeyID: String
    /// The secret half of the key pair; only ever used as HMAC key material.
    public var secretAccessKey: String
    /// The STS session token of temporary credentials, sent as `X-Amz-Security-Token`.
    public var sessionToken: String?

    /// Creates credentials from their parts.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}

extension SigningCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The access key ID with the secret and token redacted.
    public var description: String {
        let token = sessionToken == nil ? "none" : "<redacted>"
        return "SigningCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>, sessionToken: \(token))"
    }

    /// The same redacted text as `description`.
    public var debugDescription: String { description }

    /// A mirror without the secret fields, so `dump` cannot reveal them either.
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyID": accessKeyID, "redacted": "secretAccessKey, sessionToken"])
    }
}
