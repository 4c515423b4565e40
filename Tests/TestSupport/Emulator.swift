import AWS
import Foundation
import HTTP
import Services
import Testing

/// The moto emulator prepared by `scripts/emulator/prepare.py`, as integration tests see it.
///
/// `scripts/test` starts moto on loopback, prepares the accounts with authentication off, turns
/// authentication on and exports `S3X_TEST_ACCOUNTS` (the path of `accounts.json`). Without it,
/// integration tests are skipped with that reason.
public struct Emulator: Sendable {
    /// The emulator's URL on 127.0.0.1.
    public var endpoint: String
    /// The region everything is created in.
    public var region: String
    /// The primary account id.
    public var primary: String
    /// The prepared secondary account ids.
    public var secondaries: [String]
    /// The admin role in each secondary, trusted by the primary.
    public var adminRole: String
    /// The primary admin user's access key id.
    public var accessKeyID: String
    /// The primary admin user's secret (a test value of the emulator, not a real secret).
    public var secretAccessKey: String
    /// The folder holding `config`, `credentials` and `accounts.json`.
    public var home: String

    /// Why integration tests are skipped when the emulator is absent.
    public static let skipReason: Comment =
        "needs the emulator: run scripts/test, which starts moto and sets S3X_TEST_ACCOUNTS"

    /// The prepared emulator, or nil when none was set up.
    public static let current: Emulator? = described(by: "S3X_TEST_ACCOUNTS")

    /// The private emulator of the tutorial's check (`S3X_TUTORIAL_ACCOUNTS`): fresh accounts that
    /// no other test touches, so the tutorial shows a first run under the vendor's names.
    public static let tutorial: Emulator? = described(by: "S3X_TUTORIAL_ACCOUNTS")

    /// The emulator whose `accounts.json` the environment variable `variable` names.
    private static func described(by variable: String) -> Emulator? {
        guard let path = ProcessInfo.processInfo.environment[variable],
            let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        guard let endpoint = object["endpoint"] as? String, let primary = object["primary"] as? String,
            let keyID = object["accessKeyId"] as? String, let secret = object["secretAccessKey"] as? String
        else { return nil }
        return Emulator(
            endpoint: endpoint, region: object["region"] as? String ?? "us-east-1", primary: primary,
            secondaries: object["secondaries"] as? [String] ?? [], adminRole: object["adminRole"] as? String ?? "",
            accessKeyID: keyID, secretAccessKey: secret, home: (path as NSString).deletingLastPathComponent)
    }

    /// Whether integration tests can run.
    public static var isAvailable: Bool { current != nil }

    /// The admin's credentials.
    public var adminCredentials: Credentials {
        Credentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, source: .profile("primary-admin"))
    }

    /// A client factory for the emulator over a real libcurl transport.
    /// - Throws: when the transport cannot be created.
    public func factory(
        observer: (@Sendable (CallRecord) -> Void)? = nil, retry: RetryPolicy = RetryPolicy()
    ) throws -> ClientFactory {
        let context = ClientContext(transport: try CurlTransport(), retry: retry, observer: observer)
        return ClientFactory(
            context: context,
            endpoints: EndpointResolver(commandLineURL: endpoint, environment: Environment([:])))
    }

    /// The role ARN of the admin role in `account`.
    public func adminRoleARN(in account: String) -> String {
        "arn:aws:iam::\(account):role/\(adminRole)"
    }

    /// A short random suffix for resource names, so tests sharing the emulator do not collide.
    public static func uniqueSuffix() -> String {
        String(UUID().uuidString.lowercased().prefix(8))
    }
}
