import Foundation
import TestSupport
import Testing

/// `account add --profile` with `credential_process` profiles, through the built binary against
/// the emulator: the helper prints the fixture's admin keys, fails, prints garbage, or returns
/// credentials that expire soon.
@Suite(.enabled(if: Emulator.isAvailable && S3xBinary.built != nil, "needs the emulator and the built s3x binary"))
struct CredentialProcessEndToEndTests {
    let emulator: Emulator
    let binary: S3xBinary

    init() throws {
        emulator = try #require(Emulator.current)
        binary = try #require(S3xBinary.built)
    }

    /// A folder with helper scripts, a config naming them, and the environment to run s3x in.
    final class Setup {
        let scratch: Scratch
        let environment: [String: String]

        init(_ emulator: Emulator) throws {
            scratch = try Scratch()
            let dir = scratch.path
            let keys = #""AccessKeyId": "\#(emulator.accessKeyID)", "SecretAccessKey": "\#(emulator.secretAccessKey)""#
            let later = Date().addingTimeInterval(3600).formatted(.iso8601)
            let soon = Date().addingTimeInterval(300).formatted(.iso8601)
            let helpers = [
                "good": "cat <<'JSON'\n{\"Version\": 1, \(keys), \"Expiration\": \"\(later)\"}\nJSON",
                "expiring": "cat <<'JSON'\n{\"Version\": 1, \(keys), \"Expiration\": \"\(soon)\"}\nJSON",
                "fails": "echo 'partial output'; exit 3",
                "garbage": "echo 'Traceback: \(emulator.secretAccessKey) is not valid'",
            ]
            var config = ""
            for (name, body) in helpers {
                let script = """
                    #!/bin/sh
                    echo "helper \(name) ran" >&2
                    echo run >> "\(dir)/\(name).runs"
                    \(body)

                    """
                let path = "\(scratch.path)/\(name).sh"
                try ExecutableFile.write(script, to: path)
                config += "[profile \(name)]\ncredential_process = \(path)\nregion = \(emulator.region)\n\n"
            }
            let configPath = try scratch.write("config", config)
            environment = [
                "AWS_CONFIG_FILE": configPath, "AWS_ENDPOINT_URL": emulator.endpoint, "S3X_HISTORY": "\(dir)/history",
            ]
        }

        /// How many times helper `name` ran.
        func runs(_ name: String) -> Int {
            scratch.read("\(name).runs").split(separator: "\n").count
        }
    }

    @Test func aProfileWhoseProcessPrintsKeysAddsTheAccount() async throws {
        let setup = try Setup(emulator)
        let result = try await binary.run(
            ["-c", "account add p --profile good; account show p; account list; whoami; history --save setup.s3x"],
            environment: setup.environment, directory: setup.scratch.path)
        #expect(result.code == 0, "\(result)")
        #expect(result.stdout.contains("credentials: credential_process of profile good"))
        #expect(result.stdout.contains(emulator.primary))
        #expect(result.stdout.contains("(refreshed automatically)"), "account show names the expiry")
        #expect(result.stdout.contains(" process "), "account list names the source kind")
        #expect(result.stderr.contains("helper good ran"), "the helper's standard error passes through")
        #expect(setup.runs("good") == 1, "credentials an hour from expiry are reused")
        #expect(
            setup.scratch.read("setup.s3x").contains("account add p --profile good"), "the saved history is searched")
        for text in [result.stdout, result.stderr, setup.scratch.read("setup.s3x"), setup.scratch.read("history")] {
            #expect(!text.contains(emulator.secretAccessKey))
        }
    }

    @Test func credentialsNearExpiryAreFetchedAgain() async throws {
        let setup = try Setup(emulator)
        let result = try await binary.run(
            ["-c", "account add p --profile expiring; whoami; whoami"], environment: setup.environment)
        #expect(result.code == 0, "\(result)")
        #expect(setup.runs("expiring") >= 3, "five minutes left: the process runs again before each use")
    }

    @Test func aFailingProcessNamesTheProfile() async throws {
        let setup = try Setup(emulator)
        let result = try await binary.run(["-c", "account add p --profile fails"], environment: setup.environment)
        #expect(result.code == 1)
        #expect(result.stderr.contains("credential_process of profile 'fails' failed: it exited with status 3"))
        #expect(!result.stderr.contains("partial output"), "the process's output is not shown")
        #expect(!result.stdout.contains("partial output"))
    }

    @Test func garbageOutputIsRefusedWithoutShowingIt() async throws {
        let setup = try Setup(emulator)
        let result = try await binary.run(["-c", "account add p --profile garbage"], environment: setup.environment)
        #expect(result.code == 1)
        #expect(
            result.stderr.contains("credential_process of profile 'garbage' failed: its output is not a JSON object"))
        #expect(!result.stderr.contains(emulator.secretAccessKey))
        #expect(!result.stdout.contains(emulator.secretAccessKey))
    }
}
