import Foundation
import TestSupport
import Testing

/// The built `s3x` executable, run as a person would run it: arguments, environment, standard
/// input, and a bound on how long it may take.
struct S3xBinary: Sendable {
    /// The executable's path.
    let path: String

    /// The binary built next to this test bundle (`swift build --build-tests` builds both), or
    /// the one `S3X_BINARY` names; nil when neither exists.
    static let built: S3xBinary? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let explicit = environment["S3X_BINARY"] { candidates.append(explicit) }
        // The test bundle (`.xctest`) sits in the build folder, next to the executables.
        for start in [Bundle.main.bundlePath, Bundle.main.executablePath, CommandLine.arguments.first].compactMap({ $0 }
        ) {
            var folder = URL(fileURLWithPath: start).standardizedFileURL
            for _ in 0..<4 {
                folder.deleteLastPathComponent()
                candidates.append(folder.appendingPathComponent("s3x").path)
            }
        }
        let found = candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: path)
        }
        return found.map(S3xBinary.init(path:))
    }()

    /// Why end-to-end tests are skipped when the binary is absent.
    static let skipReason: Comment = "the s3x binary is not built next to the tests: run swift build --build-tests"

    /// What one run produced.
    struct Result: Sendable, Equatable, CustomStringConvertible {
        /// Everything written to standard output.
        var stdout: String
        /// Everything written to standard error.
        var stderr: String
        /// The exit code (128 + N when killed by signal N).
        var code: Int32

        var description: String {
            "exit \(code)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
        }
    }

    /// Why a run did not complete.
    enum RunError: Error, CustomStringConvertible {
        /// The process did not finish within the time allowed and was killed.
        case timedOut(seconds: Double, arguments: [String])

        var description: String {
            switch self {
            case .timedOut(let seconds, let arguments):
                "s3x \(arguments.joined(separator: " ")) did not finish within \(seconds) s"
            }
        }
    }

    /// Runs s3x with `arguments` in `directory`, `stdin` as its standard input, and an
    /// environment of only the essentials plus `environment` (HOME and S3X_HISTORY point into a
    /// fresh folder unless given).
    /// - Throws: `RunError.timedOut` after `timeout` seconds, or when the process cannot start.
    func run(
        _ arguments: [String], stdin: String = "", environment: [String: String] = [:], directory: String? = nil,
        timeout: Double = 30
    ) async throws -> Result {
        let scratch = try Scratch()
        let stdinPath = try scratch.write("stdin", stdin)
        let child = try ChildProcess(
            path, arguments,
            environment: Self.baseEnvironment(home: scratch.path).merging(environment) { _, given in given },
            directory: directory ?? scratch.path, stdin: stdinPath, stdout: "\(scratch.path)/stdout",
            stderr: "\(scratch.path)/stderr")
        guard let code = await child.exitCode(before: Date().addingTimeInterval(timeout)) else {
            child.kill()
            throw RunError.timedOut(seconds: timeout, arguments: arguments)
        }
        return Result(stdout: scratch.read("stdout"), stderr: scratch.read("stderr"), code: code)
    }

    /// PATH, a private HOME and history file, no colour, and no AWS settings of the machine; the
    /// sanitizers' settings pass through (scripts/sanitize runs a sanitized s3x too).
    static func baseEnvironment(home: String) -> [String: String] {
        let sanitizerSettings = ProcessInfo.processInfo.environment.filter { name, _ in
            ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "SWIFT_BACKTRACE"].contains(name)
        }
        return sanitizerSettings.merging(essentials(home: home)) { _, essential in essential }
    }

    private static func essentials(home: String) -> [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "S3X_HISTORY": "\(home)/history", "NO_COLOR": "1",
            "TERM": "dumb", "LANG": "C.UTF-8", "AWS_CONFIG_FILE": "\(home)/no-aws-config",
            "AWS_SHARED_CREDENTIALS_FILE": "\(home)/no-aws-credentials", "AWS_EC2_METADATA_DISABLED": "true",
        ]
    }
}

/// A temporary folder for one run's files, removed when the value goes away.
final class Scratch: Sendable {
    /// Its path.
    let path: String

    /// Creates an empty folder.
    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("s3x-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` (creating folders) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = URL(fileURLWithPath: (path as NSString).appendingPathComponent(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A handle on `name`, created with `contents`.
    func file(_ name: String, contents: String, reading: Bool) throws -> FileHandle {
        let path = try write(name, contents)
        guard let handle = reading ? FileHandle(forReadingAtPath: path) : FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return handle
    }

    /// The text of `name`, or "" when absent.
    func read(_ name: String) -> String {
        let path = (self.path as NSString).appendingPathComponent(name)
        return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
