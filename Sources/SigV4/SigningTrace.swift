/// The intermediate values of one signing, exposed so tests can compare each step with AWS's
/// vectors.
///
/// `description` redacts the session token and the signature; never log ``signature``, and log
/// the signed request only through its redacting description.
public struct SigningTrace: Sendable {
    /// The request with the signing headers or query parameters added.
    public var request: SignableRequest
    /// The canonical request of step 1 of "Create a signed AWS API request"; it contains the
    /// session token of temporary credentials.
    public var canonicalRequest: String
    /// The string to sign of step 3.
    public var stringToSign: String
    /// The lowercase hexadecimal signature of step 5.
    public var signature: String
}

extension SigningTrace: CustomStringConvertible {
    /// The canonical request (session token redacted) and string to sign; the signature is redacted.
    public var description: String {
        let canonical = canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)
            .map(Self.redactingToken)
            .joined(separator: "\n")
        return "canonical request:\n\(canonical)\n\nstring to sign:\n\(stringToSign)\n\nsignature: <redacted>"
    }

    /// Hides the token in a canonical header line or in the canonical query line.
    private static func redactingToken(_ line: Substring) -> String {
        if line.hasPrefix("x-amz-security-token:") { return "x-amz-security-token:<redacted>" }
        return line.split(separator: "&", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("X-Amz-Security-Token=") ? "X-Amz-Security-Token=<redacted>" : String($0) }
            .joined(separator: "&")
    }
}
