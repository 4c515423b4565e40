/// A managed policy s3x creates: its name and its document.
public struct NamedPolicy: Sendable, Hashable {
    /// The managed policy's name, e.g. `prisma-saas-s3-primary-policy-2`.
    public let name: String
    /// The policy document.
    public let document: PolicyDocument
    /// The accounts whose role this policy lets the holder assume, in order; empty for the secondary policy.
    public let grantedAccounts: [AccountID]

    /// Pairs a name with its document and the accounts it grants.
    public init(name: String, document: PolicyDocument, grantedAccounts: [AccountID] = []) {
        self.name = name
        self.document = document
        self.grantedAccounts = grantedAccounts
    }
}
