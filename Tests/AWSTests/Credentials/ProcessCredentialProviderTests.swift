import AWS
import Foundation
import Testing

/// `credential_process` with small shell scripts written to a temporary directory.
@Suite struct ProcessCredentialProviderTests {
    private static let secret = "pRoCeSsSeCrEt/0123456789EXAMPLE"

    private static func provider(
        _ command: String, clock: TestClock = TestClock()
    ) throws -> ProcessCredentialProvider {
        let config = try SharedConfig.parse(config: "[profile p]\ncredential_process = \(command)\n")
        let profile = try #require(config.profiles["p"])
        return try ProcessCredentialProvider(profile: profile, clock: clock.wallClock)
    }

    private static func script(_ body: String, in directory: TemporaryDirectory, name: String = "creds.sh") throws
        -> String
    {
        try directory.write(name, "#!/bin/sh\n\(body)\n", executable: true)
    }

    private static func failure(_ command: String) async throws -> CredentialError? {
        let provider = try provider(command)
        return await #expect(throws: CredentialError.self) { try await provider.credentials() }
    }

    @Test func printedCredentialsAreRead() async throws {
        let directory = try TemporaryDirectory()
        let path = try Self.script(
            """
            echo '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "\(Self.secret)",'
            echo ' "SessionToken": "TOKEN", "Expiration": "2026-12-03T20:15:08Z"}'
            """, in: directory)
        let credentials = try await Self.provider(path).credentials()
        #expect(
            credentials
                == Credentials(
                    accessKeyID: "AKIDPROC", secretAccessKey: Self.secret, sessionToken: "TOKEN",
                    expiration: TestClock.reference.addingTimeInterval(3600), source: .process(profile: "p")))
        #expect(!credentials.description.contains(Self.secret))
    }

    @Test func quotedWordsReachTheProgramIntact() async throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: "\(directory.path)/with space", withIntermediateDirectories: true)
        let path = try Self.script(
            #"printf '{"Version":1,"AccessKeyId":"%s","SecretAccessKey":"%s"}' "$1" "$2""#, in: directory,
            name: "with space/creds.sh")
        let credentials = try await Self.provider("\"\(path)\" 'two words' plain").credentials()
        #expect(credentials.accessKeyID == "two words")
        #expect(credentials.secretAccessKey == "plain")
        #expect(credentials.expiration == nil)
    }

    @Test func expiringCredentialsAreFetchedAgain() async throws {
        let directory = try TemporaryDirectory()
        let path = try Self.script(
            """
            n=$(cat "$(dirname "$0")/count" 2>/dev/null || echo 0)
            n=$((n + 1))
            echo "$n" > "$(dirname "$0")/count"
            printf '{"Version":1,"AccessKeyId":"AKID%s","SecretAccessKey":"S","Expiration":"2026-12-03T20:15:08Z"}' "$n"
            """, in: directory)
        let clock = TestClock()
        let provider = try Self.provider(path, clock: clock)
        #expect(try await provider.credentials().accessKeyID == "AKID1")
        #expect(try await provider.credentials().accessKeyID == "AKID1", "still fresh: the process is not run again")
        clock.advance(by: 48 * 60)
        #expect(try await provider.credentials().accessKeyID == "AKID2")
        let runs = try String(contentsOfFile: "\(directory.path)/count", encoding: .utf8)
        #expect(runs == "2\n")
        await provider.invalidate()
        #expect(try await provider.credentials().accessKeyID == "AKID3", "invalidate makes the next call run it")
    }

    @Test func aNonZeroExitIsReported() async throws {
        let directory = try TemporaryDirectory()
        let path = try Self.script("echo 'partial {' ; exit 3", in: directory)
        let error = try await Self.failure(path)
        #expect(error == .processFailed(profile: "p", reason: "it exited with status 3"))
        #expect(error?.description == "credential_process of profile 'p' failed: it exited with status 3")
    }

    @Test(arguments: [
        ("echo not json", "its output is not a JSON object"),
        ("echo '[1, 2]'", "its output is not a JSON object"),
        (#"echo '{"AccessKeyId":"A","SecretAccessKey":"SECRETVALUE"}'"#, #"its output lacks "Version": 1"#),
        (#"echo '{"Version":2,"AccessKeyId":"A","SecretAccessKey":"SECRETVALUE"}'"#, #"its output lacks "Version": 1"#),
        (
            #"echo '{"Version":true,"AccessKeyId":"A","SecretAccessKey":"SECRETVALUE"}'"#,
            #"its output lacks "Version": 1"#
        ),
        (
            #"echo '{"Version":"1","AccessKeyId":"A","SecretAccessKey":"SECRETVALUE"}'"#,
            #"its output lacks "Version": 1"#
        ),
        (#"echo '{"Version":1,"SecretAccessKey":"SECRETVALUE"}'"#, "its output lacks AccessKeyId or SecretAccessKey"),
        (
            #"echo '{"Version":1,"AccessKeyId":"A","SecretAccessKey":"x","Expiration":"SECRETVALUE"}'"#,
            "its Expiration is not an ISO 8601 timestamp"
        ),
    ])
    func unusableOutputIsNamedWithoutEchoingIt(body: String, reason: String) async throws {
        let directory = try TemporaryDirectory()
        let error = try await Self.failure(try Self.script(body, in: directory))
        #expect(error == .processFailed(profile: "p", reason: reason))
        #expect(error?.description.contains("SECRETVALUE") == false)
    }

    @Test func aMissingProgramCannotStart() async throws {
        let error = try await Self.failure("/nonexistent/creds")
        guard case .processFailed("p", let reason) = error else {
            Issue.record("expected .processFailed, got \(String(describing: error))")
            return
        }
        #expect(reason == "cannot start /nonexistent/creds: No such file or directory")
    }

    @Test func aProfileWithoutTheSettingIsRefused() throws {
        let profile = try #require(try SharedConfig.parse(config: "[profile q]\nregion = x\n").profiles["q"])
        let error = #expect(throws: CredentialError.self) { try ProcessCredentialProvider(profile: profile) }
        #expect(error == .incomplete(source: "profile q", missing: "credential_process"))
    }
}
