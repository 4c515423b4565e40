import Foundation
import TestSupport
import Testing

/// `docs/tutorial.md` shows what the real binary prints: its `s3x` blocks run as one session
/// against fresh emulator accounts, and each `text` block must equal its block's output (after
/// ``Transcript/normalise(_:unique:)``). `scripts/gen-docs` (S3X_UPDATE_DOCS=1) rewrites the
/// output blocks instead of comparing them.
@Suite struct TutorialTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/tutorial.md").path

    @Test(
        .enabled(
            if: Emulator.tutorial != nil && S3xBinary.built != nil,
            "needs the tutorial's own emulator (S3X_TUTORIAL_ACCOUNTS, started by scripts/test) and the built s3x"))
    func everyOutputShownIsWhatTheBinaryPrints() async throws {
        let binary = try #require(S3xBinary.built)
        let emulator = try #require(Emulator.tutorial)
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let document = try TutorialDocument(text)
        #expect(document.steps.count >= 8, "the tutorial walks through the whole procedure")
        let scratch = try Scratch()
        let script = try scratch.write("tutorial.s3x", document.script)

        let result = try await binary.run(
            [script],
            environment: [
                "AWS_CONFIG_FILE": "\(emulator.home)/config",
                "AWS_SHARED_CREDENTIALS_FILE": "\(emulator.home)/credentials",
            ], directory: scratch.path, timeout: 180)

        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let outputs = try document.outputs(in: Transcript.normalise(result.stdout, unique: nil))
        if ProcessInfo.processInfo.environment["S3X_UPDATE_DOCS"] == "1" {
            try document.rewritten(with: outputs).write(toFile: Self.path, atomically: true, encoding: .utf8)
            return
        }
        for (step, output) in zip(document.steps, outputs) {
            #expect(
                step.shownOutput == output,
                "docs/tutorial.md is stale after `\(step.commands.first ?? "")`: run scripts/gen-docs")
        }
        // The files the tutorial's last step writes are there.
        #expect(scratch.read("runbook.md").hasPrefix("# "))
        #expect(scratch.read("setup.s3x").contains("bucket allow-prefix"))
    }

    @Test func outputBlocksAreFoundRewrittenAndAdded() throws {
        let text = "# T\n\n```s3x\necho a\n```\n\n```text\nold\n```\n\nprose\n\n```s3x\necho b\n```\nend"
        let document = try TutorialDocument(text)

        #expect(document.steps.map(\.commands) == [["echo a"], ["echo b"]])
        #expect(document.steps.map(\.shownOutput) == [["old"], []])
        #expect(document.script == "echo '@@tutorial-step-0'\necho a\necho '@@tutorial-step-1'\necho b\n")
        let outputs = try document.outputs(in: "@@tutorial-step-0\na\n@@tutorial-step-1\nb\n")
        #expect(outputs == [["a"], ["b"]])
        #expect(
            document.rewritten(with: outputs)
                == "# T\n\n```s3x\necho a\n```\n\n```text\na\n```\n\nprose\n\n```s3x\necho b\n```\n\n```text\nb\n```\nend"
        )
        #expect(throws: TutorialDocument.Malformed.self) { try TutorialDocument("```s3x\necho").steps }
    }
}
