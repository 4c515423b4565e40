import Script

/// Why a command or a run stopped, with what is needed to say so clearly.
enum ShellError: Error, Sendable {
    /// The command is not well formed (unknown command or option, missing or bad value):
    /// nothing ran. Points at the offending word.
    case usage(message: String, location: Script.SourceLocation?, hint: String? = nil)
    /// A script did not parse.
    case syntax(ScriptError)
    /// The command ran and failed: names the command, the account, the problem and the next step.
    case failed(
        command: String, account: String?, message: String, hint: String? = nil,
        location: Script.SourceLocation? = nil)
    /// The run was interrupted (Ctrl-C or SIGTERM).
    case interrupted
    /// `exit CODE` was run.
    case exit(Int32)

    /// The same error pointing at `location` when it points nowhere yet.
    func located(at location: Script.SourceLocation) -> ShellError {
        switch self {
        case .failed(let command, let account, let message, let hint, nil):
            .failed(command: command, account: account, message: message, hint: hint, location: location)
        case .usage(let message, nil, let hint):
            .usage(message: message, location: location, hint: hint)
        default:
            self
        }
    }

    /// Where the error points, if anywhere.
    var location: Script.SourceLocation? {
        switch self {
        case .usage(_, let location, _), .failed(_, _, _, _, let location): location
        case .syntax(let error): error.location
        case .interrupted, .exit: nil
        }
    }

    /// The exit code a run ending with this error returns.
    var exitCode: ExitCode {
        switch self {
        case .usage, .syntax: .usage
        case .failed: .commandFailed
        case .interrupted: .interrupted
        case .exit(let code): ExitCode(rawValue: code)
        }
    }
}

/// The exit code of a run: one of the documented codes (docs/commands.md, "Exit codes"), or
/// the code a script gave to `exit CODE`.
struct ExitCode: RawRepresentable, Equatable, Sendable {
    let rawValue: Int32

    init(rawValue: Int32) { self.rawValue = rawValue }

    /// Every command succeeded.
    static let success = ExitCode(rawValue: 0)
    /// A command failed (an AWS error, a failed check); later commands of a script did not run.
    static let commandFailed = ExitCode(rawValue: 1)
    /// A usage or syntax error: the command line or script is malformed; nothing ran.
    static let usage = ExitCode(rawValue: 2)
    /// `--keep-going` ran every command and some failed.
    static let someFailed = ExitCode(rawValue: 3)
    /// Interrupted by Ctrl-C or SIGTERM; the summary says what was done.
    static let interrupted = ExitCode(rawValue: 130)
}
