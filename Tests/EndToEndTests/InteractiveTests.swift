import Foundation
import TestSupport
import Testing

/// s3x at a real prompt (under tmux): line editing, completion, Ctrl-C, `\` continuation,
/// Ctrl-D, the prompt showing the account, and a history file that keeps no secret.
@Suite struct InteractiveTests {
    /// AWS's documented example secret access key with one character changed: secret-shaped, not a secret.
    static let fakeSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    private func start(_ scratch: Scratch, environment: [String: String] = [:]) throws -> TerminalSession {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        var base = S3xBinary.baseEnvironment(home: scratch.path)
        base["TERM"] = "screen"
        // tmux present but unable to start a session is a failure, not a skip.
        return try TerminalSession(
            [binary.path], environment: base.merging(environment) { _, given in given }, scratch: scratch)
    }

    @Test(.enabled(if: TerminalSession.tmux != nil, "needs tmux to drive a terminal"))
    func editingCompletionInterruptAndHistory() async throws {
        let scratch = try Scratch()
        let terminal = try start(scratch)
        try await terminal.wait(forPrompt: "s3x> ")

        // TAB completes a command.
        try terminal.type("ech")
        try terminal.press("Tab")
        try await terminal.wait(forLine: "s3x> echo")
        try terminal.type("one")
        try terminal.press("Enter")
        try await terminal.wait(forLine: "one")

        // Ctrl-C abandons the line being typed: it does not run.
        try terminal.type("echo abandoned")
        try terminal.press("C-c")
        try await terminal.wait(forPrompt: "s3x> ")
        try terminal.type("echo after")
        try terminal.press("Enter")
        let afterInterrupt = try await terminal.wait(forLine: "after")
        #expect(!TerminalSession.lines(afterInterrupt).contains("abandoned"))

        // A line ending in \ continues on the next.
        try terminal.type("echo first \\")
        try terminal.press("Enter")
        try await terminal.wait(forPrompt: "... ")
        try terminal.type("second")
        try terminal.press("Enter")
        try await terminal.wait(forLine: "first second")

        // A secret-shaped word typed at the prompt; and a line kept out of history by a leading space.
        try terminal.type("echo \(Self.fakeSecret)")
        try terminal.press("Enter")
        try await terminal.wait(forLine: Self.fakeSecret)
        try terminal.type(" echo private-line")
        try terminal.press("Enter")
        try await terminal.wait(forLine: "private-line")

        // Ctrl-D on an empty line leaves with 0.
        try await terminal.wait(forPrompt: "s3x> ")
        try terminal.press("C-d")
        #expect(try await terminal.exitCode() == 0)

        let historyPath = "\(scratch.path)/history"
        let attributes = try FileManager.default.attributesOfItem(atPath: historyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let history = scratch.read("history")
        #expect(history.contains("echo one"))
        #expect(history.contains("echo first"))
        #expect(history.contains("echo <redacted>"))
        #expect(!history.contains(Self.fakeSecret))
        #expect(!history.contains("wJalrXUtnFEMI"))
        #expect(!history.contains("private-line"))
        #expect(!history.contains("abandoned"))
    }

    @Test(.enabled(if: TerminalSession.tmux != nil && Emulator.isAvailable, "needs tmux and the emulator"))
    func promptShowsTheAccountAndCompletesAliases() async throws {
        let emulator = try #require(Emulator.current, Emulator.skipReason)
        let scratch = try Scratch()
        let terminal = try start(
            scratch,
            environment: [
                "AWS_CONFIG_FILE": "\(emulator.home)/config",
                "AWS_SHARED_CREDENTIALS_FILE": "\(emulator.home)/credentials",
            ])
        try await terminal.wait(forPrompt: "s3x> ")
        try terminal.type("acc")
        try terminal.press("Tab")
        try await terminal.wait(forLine: "s3x> account")
        try terminal.type("add primary --profile primary-admin")
        try terminal.press("Enter")
        try await terminal.wait(forPrompt: "s3x primary> ")

        let secondary = emulator.secondaries.first ?? "111111111111"
        try terminal.type("role assume \(emulator.adminRoleARN(in: secondary)) --as sec1")
        try terminal.press("Enter")
        try await terminal.wait(forLine: "role assume [sec1]")
        try await terminal.wait(forPrompt: "s3x primary> ")

        // TAB completes an alias.
        try terminal.type("account use s")
        try terminal.press("Tab")
        try await terminal.wait(forLine: "s3x primary> account use sec1")
        try terminal.press("Enter")
        let screen = try await terminal.wait(for: "the prompt of sec1 with its minutes left") { screen in
            let last = TerminalSession.lines(screen).last { !$0.isEmpty } ?? ""
            return last.range(of: #"^s3x sec1 \([0-9]+m\)>$"#, options: .regularExpression) != nil
        }
        #expect(screen.contains("s3x sec1 ("))

        try terminal.type("exit 4")
        try terminal.press("Enter")
        #expect(try await terminal.exitCode() == 4)
    }
}
