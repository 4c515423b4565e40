import Foundation

/// A program started with `posix_spawn` and reaped with `waitpid`, its standard streams in files.
///
/// Not Foundation's `Process`, for two reasons seen here. `Process` learns of an exit only when a
/// descriptor it gave the child closes, and a daemon the child forks (tmux's server) keeps that
/// descriptor open, so it would wait for ever. And `Process.run` lists `/proc/self/fd` with a read
/// past the end of its buffer (`findMaximumOpenFromProcSelfFD` copies a whole `d_name` array), which
/// AddressSanitizer reports once the test process has enough descriptors open.
public final class ChildProcess {
    /// The process id.
    public let pid: pid_t
    /// The exit code, once the program has been reaped (its pid may then be another process's).
    private var reaped: Int32?

    /// Starts `executable` with `arguments` and exactly `environment`, in `directory`, with standard
    /// input read from `stdin` and standard output and error written to `stdout` and `stderr` (files
    /// created or truncated; the same path for both shares one file).
    /// - Throws: `Failure` when the program cannot be started.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String], directory: String,
        stdin: String, stdout: String, stderr: String
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if stderr == stdout {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        // The working directory is set by env(1), which then becomes the program (same pid):
        // Swift's Glibc module does not offer posix_spawn_file_actions_addchdir_np.
        let launcher = "/usr/bin/env"
        let argv = [launcher, "--chdir=\(directory)", "--", executable] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = Self.withCStrings(argv) { argv in
            Self.withCStrings(envp) { envp in posix_spawn(&pid, launcher, &actions, nil, argv, envp) }
        }
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
    }

    /// Why a program could not be started.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The exit code (128 + N when killed by signal N) once the program has ended, or nil while it runs.
    public func exitCode() -> Int32? {
        if let reaped { return reaped }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        reaped = Self.code(status)
        return reaped
    }

    /// Waits until the program ends or `deadline` passes, polling without blocking a thread; nil
    /// when it is still running at the deadline.
    public func exitCode(before deadline: Date) async -> Int32? {
        while Date() < deadline {
            if let code = exitCode() { return code }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return exitCode()
    }

    /// Sends `signal`, unless the program has been reaped.
    public func send(_ signal: Int32) {
        guard reaped == nil else { return }
        Glibc.kill(pid, signal)
    }

    /// Kills the program (unless it has ended) and reaps it; returns its exit code.
    @discardableResult
    public func kill() -> Int32 {
        if let code = exitCode() { return code }
        send(SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        reaped = Self.code(status)
        return Self.code(status)
    }

    private static func code(_ status: Int32) -> Int32 {
        status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Calls `body` with `strings` as a NULL-terminated C array.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}
