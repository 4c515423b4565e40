import Foundation
import TestSupport
import Testing

/// `examples/generate-setup.sh`, which writes the procedure for any number of secondaries: how many
/// accounts its `role assume` and `each` blocks set up at once.
struct GeneratedSetupTests {
    static let generator = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/generate-setup.sh").path

    /// The `--jobs N` values of the generated script, in order: `role assume`, the background block,
    /// the trails' block.
    static func jobs(for arguments: [String]) async throws -> [String] {
        let scratch = try Scratch()
        let child = try ChildProcess(
            "/bin/bash", [generator] + arguments, environment: ["PATH": "/usr/bin:/bin"], directory: scratch.path,
            stdin: "/dev/null", stdout: "\(scratch.path)/out", stderr: "\(scratch.path)/err")
        let code = await child.exitCode(before: Date().addingTimeInterval(30))
        #expect(code == 0, "\(scratch.read("err"))")
        let words = scratch.read("out").split(whereSeparator: \.isWhitespace)
        return words.indices.filter { words[$0] == "--jobs" && $0 + 1 < words.count }.map { String(words[$0 + 1]) }
    }

    static func accountIDs(_ count: Int) -> [String] {
        (0..<count).map { String(400_000_000_000 + $0) }
    }

    @Test func manySecondariesAreSetUpThirtyTwoAtATime() async throws {
        #expect(try await Self.jobs(for: Self.accountIDs(100)) == ["32", "32", "32"])
    }

    @Test func fewSecondariesAreSetUpAllAtOnce() async throws {
        #expect(try await Self.jobs(for: Self.accountIDs(3)) == ["3", "3", "3"])
    }

    @Test func jobsAndBackgroundJobsAreTheCallersToChoose() async throws {
        let jobs = try await Self.jobs(for: ["--jobs", "50", "--background-jobs", "8"] + Self.accountIDs(100))
        #expect(jobs == ["50", "8", "50"])
    }
}
