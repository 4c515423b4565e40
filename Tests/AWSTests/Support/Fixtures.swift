import AWS
import Foundation
import HTTP
import TestSupport

/// Shared values and builders for the AWS tests.
enum Fixtures {
    /// Long-term keys from the AWS documentation's examples.
    static let credentials = Credentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", source: .prompt)

    /// Temporary credentials with a recognisable session token.
    static let temporaryCredentials = Credentials(
        accessKeyID: "ASIAEXAMPLE", secretAccessKey: "tEmPsEcReTkEy/0123456789abcdefEXAMPLE",
        sessionToken: "FwoGZXIvYXdzEXAMPLESESSIONTOKEN+abc/def==", source: .prompt)

    /// The STS endpoint of us-east-1.
    static let stsEndpoint = Endpoint(host: "sts.us-east-1.amazonaws.com", signingRegion: "us-east-1")

    /// A client for `service` sending through `transport`, with a controlled clock and a fixed random.
    static func client(
        _ transport: ScriptedTransport, service: ServiceID = .sts, clock: TestClock = TestClock(),
        maxAttempts: Int = 3, quota: RetryQuota = RetryQuota(), random: Double = 0.5,
        credentials: any CredentialProvider = StaticCredentialProvider(Fixtures.credentials),
        logger: Logger = .none
    ) -> AWSClient {
        let policy = RetryPolicy(maxAttempts: maxAttempts, quota: quota, random: { random })
        let context = ClientContext(transport: transport, retry: policy, clock: clock.wallClock, logger: logger)
        let endpoint = Endpoint(host: "\(service.rawValue).us-east-1.amazonaws.com", signingRegion: "us-east-1")
        return AWSClient(service: service, endpoint: endpoint, credentials: credentials, context: context)
    }

    /// A request that changes nothing.
    static let request = AWSRequest(operation: "GetCallerIdentity", isMutating: false)

    /// An XML error body of the query protocol.
    static func queryError(_ code: String, _ message: String = "scripted") -> String {
        "<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error>"
            + "<RequestId>req-1</RequestId></ErrorResponse>"
    }
}

/// A temporary directory removed when the value is released.
final class TemporaryDirectory {
    /// Its path, without a trailing slash.
    let path: String

    /// Creates a fresh directory under the system's temporary directory.
    /// - Throws: The file system's error when the directory cannot be made.
    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("awstests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `name` inside the directory and returns the file's path.
    /// - Throws: The file system's error when the file cannot be written.
    @discardableResult
    func write(_ name: String, _ text: String, executable: Bool = false) throws -> String {
        let file = "\(path)/\(name)"
        if executable {
            try ExecutableFile.write(text, to: file)
        } else {
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        return file
    }
}
