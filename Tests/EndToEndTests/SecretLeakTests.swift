import Foundation
import TestSupport
import Testing

/// No secret leaves s3x except the one deliberate display of a new access key's secret.
///
/// A whole session runs through a recording proxy in front of the emulator, with `--verbose` on:
/// as a script, as commands on standard input, and typed at the prompt in a real terminal (tmux). The proxy records every secret the
/// emulator handed out (secret keys, session tokens) and every signature and session token s3x
/// sent; the admin's own secret is known from the emulator's files. Then every byte s3x printed
/// (stdout, stderr) or wrote (history, saved script, runbook, any other file in its folders) is
/// searched for each of them.
@Suite(
    .enabled(
        if: Emulator.isAvailable && S3xBinary.built != nil && TerminalSession.tmux != nil,
        "needs the emulator, the built s3x binary and tmux"))
struct SecretLeakTests {
    /// Values shorter than this are not searched for: every real secret, token and signature is
    /// longer (40, several hundred and 64 characters), and short ones would match by chance.
    static let shortest = 16

    @Test func noSecretInAnythingPrintedOrWrittenButTheNewKeyShownOnce() async throws {
        let emulator = try #require(Emulator.current)
        let binary = try #require(S3xBinary.built)
        let proxy = try FaultProxy(upstream: emulator.endpoint)
        defer { proxy.stop() }
        let scratch = try Scratch()
        let name = "s3x-leak-\(Emulator.uniqueSuffix())"
        let secondary = try #require(emulator.secondaries.first)
        let config = try scratch.write(
            "aws/config", "[profile primary-admin]\nregion = \(emulator.region)\nendpoint_url = \(proxy.baseURL)\n")
        let environment = [
            "AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": "\(emulator.home)/credentials",
            "S3X_HISTORY": "\(scratch.path)/state/history", "HOME": "\(scratch.path)/home",
        ]
        let script = try scratch.write("work/session.s3x", Self.session(name: name, secondary: secondary, emulator))

        let scripted = try await binary.run(
            ["--verbose", script], environment: environment, directory: "\(scratch.path)/work", timeout: 120)
        let piped = try await binary.run(
            ["--verbose"], stdin: Self.shortSession(secondary: secondary, emulator), environment: environment,
            directory: "\(scratch.path)/work", timeout: 60)

        let typed = try await Self.typedSession(secondary: secondary, emulator, environment: environment)

        #expect(scripted.code == 0, "\(scripted)")
        #expect(piped.code == 0, "\(piped)")
        #expect(scripted.stderr.contains("[trace] request operation=AssumeRole"), "--verbose traced the requests")
        #expect(typed.contains("[trace] response operation=AssumeRole"), "the terminal showed the traces")
        let shownSecret = try #require(Self.shownSecret(in: scripted.stdout), "the new key's secret is shown")
        let secrets = proxy.recordedSecrets.union([emulator.secretAccessKey]).filter { $0.count >= Self.shortest }
        #expect(secrets.contains(shownSecret), "the proxy saw the secret it is searching for")
        #expect(secrets.count > 20, "keys, tokens and signatures of a whole session")

        var outputs = [
            ("stdout of the script", scripted.stdout.replacingOccurrences(of: shownSecret, with: "<shown once>")),
            ("stderr of the script", scripted.stderr), ("stdout of stdin", piped.stdout),
            ("stderr of stdin", piped.stderr), ("the terminal", typed),
        ]
        outputs += try Self.filesWritten(under: scratch.path, except: [script, config])
        #expect(outputs.map(\.0).contains { $0.hasSuffix("state/history") }, "the history file was written")
        #expect(outputs.map(\.0).contains { $0.hasSuffix("runbook.md") })
        #expect(Self.occurrences(of: shownSecret, in: scripted.stdout) == 1, "the secret is shown exactly once")
        for (place, text) in outputs {
            for secret in secrets where text.contains(secret) {
                Issue.record("\(place) holds a secret: \(secret.prefix(4))...")
            }
        }
        let bytes = outputs.map { $0.1.utf8.count }.reduce(0, +)
        print("secret search: \(secrets.count) secrets in \(bytes) bytes of \(outputs.count) outputs and files")
    }

    /// The procedure's commands that handle credentials, under names of this run.
    private static func session(name: String, secondary: String, _ emulator: Emulator) -> String {
        """
        account add primary --profile primary-admin
        role assume \(emulator.adminRoleARN(in: secondary)) --as sec1 --from primary
        whoami --in sec1
        account show sec1

        """ + SmallSetup.steps(name: name) + """
            history --save saved.s3x
            history --runbook runbook.md
            history

            """
    }

    /// Commands typed on standard input: accounts, an identity, the history printed.
    private static func shortSession(secondary: String, _ emulator: Emulator) -> String {
        """
        account add primary --profile primary-admin
        role assume \(emulator.adminRoleARN(in: secondary)) --as sec1 --from primary
        whoami --in sec1
        account list
        history

        """
    }

    /// The same commands typed at the prompt of `s3x --verbose` in a real terminal; returns all
    /// the terminal showed. Typed commands go to the history file.
    private static func typedSession(
        secondary: String, _ emulator: Emulator, environment: [String: String]
    ) async throws -> String {
        let terminalFiles = try Scratch()
        let binary = try #require(S3xBinary.built)
        var settings = S3xBinary.baseEnvironment(home: environment["HOME"] ?? terminalFiles.path)
        settings.merge(environment) { _, given in given }
        settings["TERM"] = "screen"
        let terminal = try TerminalSession([binary.path, "--verbose"], environment: settings, scratch: terminalFiles)
        try await terminal.wait(forPrompt: "s3x> ")
        let commands = shortSession(secondary: secondary, emulator).split(separator: "\n").map(String.init)
        for command in commands {
            try terminal.type(command)
            try terminal.press("Enter")
            try await terminal.wait(for: "the prompt after `\(command)`") { screen in
                (TerminalSession.lines(screen).last { !$0.isEmpty } ?? "").hasSuffix(">")
            }
        }
        // Read before leaving: the terminal closes with the program.
        let transcript = try terminal.transcript()
        try terminal.press("C-d")
        #expect(try await terminal.exitCode() == 0)
        return transcript
    }

    /// The value after `secret access key:` in `stdout`.
    private static func shownSecret(in stdout: String) -> String? {
        guard let line = stdout.split(separator: "\n").first(where: { $0.contains("secret access key:") }) else {
            return nil
        }
        return line.split(separator: " ").last.map(String.init)
    }

    /// Every regular file under `folder` but `except`, as (path, text).
    private static func filesWritten(under folder: String, except: [String]) throws -> [(String, String)] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [(String, String)] = []
        while let relative = enumerator?.nextObject() as? String {
            let path = "\(folder)/\(relative)"
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                !except.contains(path)
            else { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            files.append((relative, String(decoding: data, as: UTF8.self)))
        }
        return files
    }

    private static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
