import Foundation
import TestSupport
import Testing

/// Scripts under `Transcripts/` run against the emulator, with names made unique per run
/// (passed as `${1}`), compared with their expected output.
@Suite struct TranscriptTests {
    /// The binary and the emulator's AWS config files, or a skip.
    private func setUp() throws -> (S3xBinary, [String: String]) {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        let emulator = try #require(Emulator.current, Emulator.skipReason)
        let environment = [
            "AWS_CONFIG_FILE": "\(emulator.home)/config", "AWS_SHARED_CREDENTIALS_FILE": "\(emulator.home)/credentials",
        ]
        return (binary, environment)
    }

    @Test(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
    func accountsAndIdentities() async throws {
        let (binary, environment) = try setUp()
        let transcript = Transcript(name: "accounts")
        let result = try await binary.run(
            [transcript.script], environment: environment, directory: Transcript.folder.path)
        try transcript.verify(result, code: 0, unique: nil)
    }

    @Test(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
    func aFailingAWSCommandNamesTheAccountAndStops() async throws {
        let (binary, environment) = try setUp()
        let transcript = Transcript(name: "failing")
        let unique = Emulator.uniqueSuffix()
        let result = try await binary.run(
            [transcript.script, unique], environment: environment, directory: Transcript.folder.path)
        try transcript.verify(result, code: 1, unique: unique)
    }

    @Test(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
    func aBackgroundBlockIsCollectedByWaitOrByTheEndOfTheScript() async throws {
        let (binary, environment) = try setUp()
        let transcript = Transcript(name: "background")
        let unique = Emulator.uniqueSuffix()
        let result = try await binary.run(
            [transcript.script, unique], environment: environment, directory: Transcript.folder.path)
        try transcript.verify(result, code: 1, unique: unique)
    }

    @Test(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
    func aSetupReplayedChangesNothing() async throws {
        let (binary, environment) = try setUp()
        let transcript = Transcript(name: "setup")
        let unique = Emulator.uniqueSuffix()
        let first = try await binary.run(
            [transcript.script, unique], environment: environment, directory: Transcript.folder.path, timeout: 60)
        try transcript.verify(first, code: 0, unique: unique, as: "setup-first")
        let second = try await binary.run(
            [transcript.script, unique], environment: environment, directory: Transcript.folder.path, timeout: 60)
        try transcript.verify(second, code: 0, unique: unique, as: "setup-rerun")
        let outcomes = EnsureLines.outcomes(in: second.stdout)
        #expect(outcomes.count == 9)
        #expect(outcomes.allSatisfy { $0 == "unchanged" }, "\(outcomes)")
        #expect(!second.stdout.contains(" FAIL "))
    }
}

/// Reads the outcome of every ensure line (`COMMAND NAME [ALIAS]: OUTCOME`) of a run.
enum EnsureLines {
    /// The outcomes, in order.
    static func outcomes(in stdout: String) -> [String] {
        let outcomes = ["created", "updated", "unchanged", "would create", "would update", "removed"]
        return stdout.split(separator: "\n").compactMap { line -> String? in
            guard !line.hasPrefix(" "), let marker = line.range(of: "]: ") else { return nil }
            let outcome = String(line[marker.upperBound...])
            return outcomes.contains(outcome) ? outcome : nil
        }
    }
}
