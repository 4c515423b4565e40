import Foundation
import TestSupport

/// s3x running in a real terminal: a detached tmux session on a private socket, driven with
/// `send-keys` and read with `capture-pane`. Every wait is bounded.
final class TerminalSession {
    /// Why a terminal session failed.
    enum Failure: Error, CustomStringConvertible {
        /// tmux is not installed (or cannot start a server).
        case noTerminal(String)
        /// The screen did not show what was awaited in time; carries the last screen.
        case timedOut(waitingFor: String, screen: String)

        var description: String {
            switch self {
            case .noTerminal(let reason): "no terminal: \(reason)"
            case .timedOut(let what, let screen): "timed out waiting for \(what); the screen was:\n\(screen)"
            }
        }
    }

    /// The tmux binary, when installed.
    static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    private let tmux: String
    private let socket: String
    private let exitFile: String

    /// Starts `command` (a binary and its arguments) with exactly `environment`, in a 200x50
    /// terminal.
    /// - Throws: `Failure.noTerminal` when tmux is absent or will not start.
    init(_ command: [String], environment: [String: String], scratch: Scratch) throws {
        guard let tmux = Self.tmux else { throw Failure.noTerminal("tmux is not installed") }
        self.tmux = tmux
        socket = "\(scratch.path)/tmux.sock"
        exitFile = "\(scratch.path)/exit-code"
        let assignments = environment.sorted { $0.key < $1.key }.map { Self.quoted("\($0.key)=\($0.value)") }
        let line = (["env", "-i"] + assignments + command.map(Self.quoted)).joined(separator: " ")
        let shell = "\(line); echo $? > \(Self.quoted(exitFile))"
        let status = try Self.run(
            tmux, ["-S", socket, "-f", "/dev/null", "new-session", "-d", "-x", "200", "-y", "50", shell])
        guard status.code == 0 else { throw Failure.noTerminal("tmux new-session failed: \(status.output)") }
    }

    deinit {
        _ = try? Self.run(tmux, ["-S", socket, "kill-server"])
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        _ = try Self.run(tmux, ["-S", socket, "send-keys", "-l", text])
    }

    /// Presses keys by tmux name: `Enter`, `Tab`, `C-c`, `C-d`.
    func press(_ keys: String...) throws {
        _ = try Self.run(tmux, ["-S", socket, "send-keys"] + keys)
    }

    /// The visible screen, trailing blanks removed.
    func screen() throws -> String {
        try Self.run(tmux, ["-S", socket, "capture-pane", "-p"]).output
    }

    /// Everything the terminal showed since it started (the scrollback too), wrapped lines joined.
    func transcript() throws -> String {
        try Self.run(tmux, ["-S", socket, "capture-pane", "-p", "-J", "-S", "-"]).output
    }

    /// Waits until `condition` holds for the screen; returns that screen.
    /// - Throws: `Failure.timedOut` after `seconds`.
    @discardableResult
    func wait(
        for what: String, seconds: Double = 10, _ condition: (String) -> Bool
    ) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? last
            if condition(last) { return last }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw Failure.timedOut(waitingFor: what, screen: last)
    }

    /// Waits until some line of the screen is exactly `line` (trailing blanks ignored).
    @discardableResult
    func wait(forLine line: String, seconds: Double = 10) async throws -> String {
        try await wait(for: "the line '\(line)'", seconds: seconds) { screen in
            Self.lines(screen).contains(line)
        }
    }

    /// Waits until the last non-empty line of the screen is `prompt` (the cursor waits there).
    @discardableResult
    func wait(forPrompt prompt: String, seconds: Double = 10) async throws -> String {
        try await wait(for: "the prompt '\(prompt)'", seconds: seconds) { screen in
            Self.lines(screen).last { !$0.isEmpty } == prompt.trimmingCharacters(in: .whitespaces)
        }
    }

    /// The program's exit code once it has ended.
    /// - Throws: `Failure.timedOut` when it is still running after `seconds`.
    func exitCode(seconds: Double = 10) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let data = FileManager.default.contents(atPath: exitFile),
                let code = Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return code
            }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw Failure.timedOut(waitingFor: "the program to exit", screen: (try? screen()) ?? "")
    }

    /// The screen's lines without trailing blanks.
    static func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
    }

    private static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs a tmux command to completion (tmux commands return at once; bounded at 10 s). Spawned
    /// and reaped by hand (``ChildProcess``): the tmux server the first command forks keeps the
    /// descriptors it inherited open. The output goes through a file for the same reason.
    private static func run(_ tool: String, _ arguments: [String]) throws -> (code: Int32, output: String) {
        let scratch = try Scratch()
        let outputPath = "\(scratch.path)/output"
        let environment = ["PATH": "/usr/bin:/bin", "TERM": "xterm", "HOME": scratch.path]
        let child: ChildProcess
        do {
            child = try ChildProcess(
                tool, arguments, environment: environment, directory: scratch.path, stdin: "/dev/null",
                stdout: outputPath, stderr: outputPath)
        } catch {
            throw Failure.noTerminal("\(error)")
        }
        let deadline = Date().addingTimeInterval(10)
        while child.exitCode() == nil {
            if Date() >= deadline {
                child.kill()
                throw Failure.noTerminal("\(tool) \(arguments.first ?? "") did not return within 10 s")
            }
            usleep(5_000)
        }
        return (child.exitCode() ?? 0, scratch.read("output"))
    }
}
