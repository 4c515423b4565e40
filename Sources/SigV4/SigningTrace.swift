/// The intermediate values of one signing, exposed so tests can compare each step with AWS's
/// vectors.
///
/// `description` omits the signature; never log ``signature`` or the signed request's secrets.
public struct SigningTrace: Sendable {
    /// The request with the signing headers or query parameters added.
    public var request: SignableRequest
    /// The canonical request of step 1 of "Create a signed AWS API request".
    public var canonicalRequest: String
    /// The string to sign of step 3.
    public var stringToSign: String
    /// The lowercase hexadecimal signature of step 5.
    public var signature: String
}

extension SigningTrace: CustomStringConvertible {
    /// The canonical request and string to sign; the signature is redacted.
    public var description: String {
        "canonical request:\n\(canonicalRequest)\n\nstring to sign:\n\(stringToSign)\n\nsignature: <redacted>"
    }
}
