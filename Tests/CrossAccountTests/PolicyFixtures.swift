import CrossAccount
import Testing

/// Shared values for the policy and identifier tests.
enum PolicyFixtures {
    static let primary = "111122223333"
    static let bucketName = "prisma-saas-s3-111122223333"

    /// A validated account ID; records a test failure instead of trapping when `text` is invalid.
    static func account(_ text: String) throws -> AccountID {
        try AccountID(text)
    }

    /// `count` distinct account IDs counting up from `first`.
    static func accounts(_ count: Int, from first: Int = 200_000_000_000) throws -> [AccountID] {
        try (0..<count).map { try AccountID(String(first + $0)) }
    }

    static func bucket() throws -> BucketName {
        try BucketName(bucketName)
    }

    /// Parses a document, failing the test with the parse error when it is not one.
    static func document(_ text: String) throws -> PolicyDocument {
        try PolicyDocument(parsing: text)
    }
}
