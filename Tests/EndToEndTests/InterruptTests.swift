import Foundation
import TestSupport
import Testing

/// Ctrl-C (SIGINT) and SIGTERM part way through a setup script: s3x stops at the next safe point,
/// exits 130 with a summary of what ran and what did not, and the same script run again finishes
/// the setup and passes its check.
@Suite(.enabled(if: Emulator.isAvailable && S3xBinary.built != nil, "needs the emulator and the built s3x binary"))
struct InterruptTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedSetupSaysWhatRanAndARerunConverges(signal: Int32) async throws {
        let emulator = try #require(Emulator.current)
        let binary = try #require(S3xBinary.built)
        // Every reply held back 200 ms, so the signal lands while the script is running.
        let proxy = try FaultProxy(upstream: emulator.endpoint, rate: 1, kinds: [.delay], delay: .milliseconds(200))
        defer { proxy.stop() }
        let scratch = try Scratch()
        let name = "s3x-int-\(Emulator.uniqueSuffix())"
        let script = try scratch.write(
            "setup.s3x", Self.setup(name: name, secondary: emulator.secondaries[0], emulator))
        let slow = try scratch.write(
            "slow/config", "[profile primary-admin]\nregion = \(emulator.region)\nendpoint_url = \(proxy.baseURL)\n")
        var environment = S3xBinary.baseEnvironment(home: scratch.path)
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "\(emulator.home)/credentials"
        environment["AWS_CONFIG_FILE"] = slow

        let interrupted = try await Self.runInterrupted(
            binary, script: script, environment: environment, once: "trail create \(name)-trail [primary]",
            signal: signal, in: scratch)

        print("signal \(signal) part way: \(interrupted.stderr.trimmingCharacters(in: .newlines))")
        #expect(interrupted.code == 130, "\(interrupted.stderr)")
        #expect(interrupted.stderr.contains("interrupted after "), "\(interrupted.stderr)")
        #expect(interrupted.stderr.contains("; not run: "))
        #expect(interrupted.stderr.contains("check --primary primary"), "the check is among what did not run")
        #expect(interrupted.stderr.contains("run the script again to finish"))
        #expect(!interrupted.stdout.contains("check \(name)"), "the check did not run")

        environment["AWS_CONFIG_FILE"] = "\(emulator.home)/config"
        let rerun = try await binary.run([script], environment: environment, timeout: 120)
        #expect(rerun.code == 0, "\(rerun)")
        #expect(rerun.stdout.contains("bucket create \(name)-\(emulator.primary) [primary]: unchanged"))
        #expect(!rerun.stdout.contains(" FAIL "))
    }

    /// A small setup in the primary and one secondary, ending with its check.
    private static func setup(name: String, secondary: String, _ emulator: Emulator) -> String {
        """
        account add primary --profile primary-admin
        role assume \(emulator.adminRoleARN(in: secondary)) --as sec1 --from primary
        account use primary

        """ + SmallSetup.steps(name: name)
    }

    /// Runs `script`, sends `signal` once stdout shows `once`, and waits for the exit (60 s at most).
    private static func runInterrupted(
        _ binary: S3xBinary, script: String, environment: [String: String], once: String, signal: Int32,
        in scratch: Scratch
    ) async throws -> S3xBinary.Result {
        let child = try ChildProcess(
            binary.path, [script], environment: environment, directory: scratch.path, stdin: "/dev/null",
            stdout: "\(scratch.path)/stdout", stderr: "\(scratch.path)/stderr")
        let deadline = Date().addingTimeInterval(60)
        while child.exitCode() == nil && !scratch.read("stdout").contains(once) && Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        child.send(signal)
        let code = await child.exitCode(before: deadline) ?? child.kill()
        return S3xBinary.Result(stdout: scratch.read("stdout"), stderr: scratch.read("stderr"), code: code)
    }
}
