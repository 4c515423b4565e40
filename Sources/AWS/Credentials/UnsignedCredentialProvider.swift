/// The provider of a client whose requests are not signed (IAM Identity Center's portal): it
/// has no credentials, and asking for them is an error.
public struct UnsignedCredentialProvider: CredentialProvider {
    /// Creates the provider.
    public init() {}

    public func credentials() async throws -> Credentials {
        throw CredentialError.incomplete(source: "an unsigned client", missing: "credentials")
    }
}
