import AWS
import Foundation
import Testing

/// The AWS CLI's IAM Identity Center token cache laid out in a temporary directory.
@Suite struct SSOTokenCacheTests {
    private static let token = "aoaAAAAAGSSOaccessTOKEN0123456789EXAMPLE"
    private static let login = "aws sso login --sso-session my-sso"

    private static func cache(with body: String?, key: String = "my-sso") throws -> (SSOTokenCache, TemporaryDirectory)
    {
        let directory = try TemporaryDirectory()
        let cache = SSOTokenCache(directory: directory.path)
        if let body { try directory.write(SSOTokenCache.fileName(for: key), body) }
        return (cache, directory)
    }

    private static func read(_ cache: SSOTokenCache, key: String = "my-sso") throws(CredentialError) -> SSOToken {
        try cache.token(for: key, now: TestClock.reference, profile: "dev", login: login)
    }

    /// Names computed with `printf %s NAME | sha1sum`, as botocore's `_generate_cache_key` does.
    @Test func fileNamesAreTheSHA1OfTheSessionNameOrStartURL() {
        #expect(SSOTokenCache.fileName(for: "my-sso") == "0ad374308c5a4e22f723adf10145eafad7c4031c.json")
        #expect(
            SSOTokenCache.fileName(for: "https://example.awsapps.com/start")
                == "e8be5486177c5b5392bd9aa76563515b29358e6e.json")
    }

    @Test func theDefaultDirectoryIsInTheHomeDirectory() {
        let cache = SSOTokenCache(environment: Environment(["HOME": "/home/ada"]))
        #expect(cache.directory == "/home/ada/.aws/sso/cache")
    }

    @Test func aValidTokenIsRead() throws {
        let (cache, directory) = try Self.cache(
            with: #"{"startUrl": "https://example.awsapps.com/start", "region": "eu-west-1", "#
                + #""accessToken": "\#(Self.token)", "expiresAt": "2026-12-03T20:15:08Z"}"#)
        let token = try Self.read(cache)
        #expect(token == SSOToken(accessToken: Self.token, expiresAt: TestClock.reference.addingTimeInterval(3600)))
        #expect(!"\(token)".contains(Self.token))
        #expect(!String(reflecting: token).contains(Self.token))
        _ = directory
    }

    @Test func theOlderUTCSuffixIsRead() throws {
        let (cache, directory) = try Self.cache(
            with: #"{"accessToken": "\#(Self.token)", "expiresAt": "2026-12-03T20:15:08UTC"}"#)
        #expect(try Self.read(cache).expiresAt == TestClock.reference.addingTimeInterval(3600))
        _ = directory
    }

    @Test func anExpiredTokenAsksForASignIn() throws {
        let (cache, directory) = try Self.cache(
            with: #"{"accessToken": "\#(Self.token)", "expiresAt": "2026-12-03T19:15:07Z"}"#)
        #expect(throws: CredentialError.ssoLoginRequired(profile: "dev", command: Self.login)) {
            try Self.read(cache)
        }
        _ = directory
    }

    @Test func aMissingFileAsksForASignIn() throws {
        let (cache, directory) = try Self.cache(with: nil)
        let error = #expect(throws: CredentialError.self) { try Self.read(cache) }
        #expect(error == .ssoLoginRequired(profile: "dev", command: Self.login))
        #expect(
            error?.description
                == "the IAM Identity Center sign-in for profile 'dev' is missing or expired; run: \(Self.login)")
        _ = directory
    }

    @Test(arguments: [
        "not json \(token)",
        #"{"expiresAt": "2026-12-03T20:15:08Z"}"#,
        #"{"accessToken": "\#(token)"}"#,
        #"{"accessToken": "\#(token)", "expiresAt": "tomorrow"}"#,
        #"{"accessToken": 42, "expiresAt": "2026-12-03T20:15:08Z"}"#,
    ])
    func aMalformedFileIsNamedWithoutShowingIt(body: String) throws {
        let (cache, directory) = try Self.cache(with: body)
        let error = #expect(throws: CredentialError.self) { try Self.read(cache) }
        #expect(error == .ssoTokenUnreadable(profile: "dev", file: cache.path(for: "my-sso"), command: Self.login))
        #expect(error?.description.contains(Self.token) == false)
        #expect(error?.description.contains("run: \(Self.login)") == true)
        _ = directory
    }
}
