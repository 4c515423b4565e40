import Foundation
import TestSupport
import Testing

/// The demo script `examples/cross-account.s3x`, run once and then again. It uses the
/// procedure's fixed names (bucket names are global), so no other test may use them and this
/// suite runs its two replays one after the other.
@Suite(.serialized) struct ExampleScriptTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/cross-account.s3x").path

    @Test(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
    func replayingTheExampleChangesNothing() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        let emulator = try #require(Emulator.current, Emulator.skipReason)
        let environment = [
            "AWS_CONFIG_FILE": "\(emulator.home)/config", "AWS_SHARED_CREDENTIALS_FILE": "\(emulator.home)/credentials",
        ]
        // The first run sets up (or finds everything set up, when the emulator is reused).
        let first = try await binary.run([Self.example], environment: environment, timeout: 120)
        #expect(first.code == 0, "\(first)")
        #expect(first.stderr == "")
        #expect(first.stdout.contains("check prisma-saas-s3-\(emulator.primary) [primary]"))
        #expect(!first.stdout.contains(" FAIL "))

        let second = try await binary.run([Self.example], environment: environment, timeout: 120)
        #expect(second.code == 0, "\(second)")
        #expect(second.stderr == "")
        let outcomes = EnsureLines.outcomes(in: second.stdout)
        // bucket, trail, user, access key, primary policy, allow-prefix; policy, role, trail in 3 secondaries.
        #expect(outcomes.count == 15, "\(second.stdout)")
        #expect(outcomes.allSatisfy { $0 == "unchanged" }, "\(outcomes)")
        #expect(!second.stdout.contains(" FAIL "))
        #expect(second.stdout.contains("sec3     trail: logging"))
    }
}
