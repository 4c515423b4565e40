import AWS
import Foundation
import HTTP
import LineEditing
import Script
import Services

/// The `s3x` program: reads the command line, builds the session, and runs a prompt, a script,
/// `-c` commands or standard input. Returns the documented exit code.
public enum ShellMain {
    /// The version `s3x --version` prints.
    public static let version = "0.1.0"

    /// Runs s3x with `arguments` (without the program name) and returns the exit code.
    public static func run(arguments: [String], environment: [String: String]) async -> Int32 {
        let output = Output.standard(environment: environment)
        let options: LaunchOptions
        do {
            options = try LaunchOptions.parse(arguments)
        } catch {
            DiagnosticPrinter(output: output, format: .text).lines(
                error, source: Source(name: "s3x", text: ""), interactive: true
            )
            .forEach(output.error)
            return ExitCode.usage.rawValue
        }
        switch options.mode {
        case .version:
            output.line("s3x \(version)")
            return 0
        case .help:
            output.line(LaunchOptions.usage)
            return 0
        default:
            break
        }
        try? InterruptMonitor.shared.install()
        let session = makeSession(options: options, environment: Environment(environment), output: output)
        let interpreter = Interpreter(session: session, table: .standard)
        var scope = Scope(directory: FileManager.default.currentDirectoryPath, output: output)
        scope.keepGoing = options.keepGoing
        scope.echo = options.echo
        return await run(options.mode, interpreter: interpreter, scope: scope).rawValue
    }

    private static func run(_ mode: LaunchOptions.Mode, interpreter: Interpreter, scope: Scope) async -> ExitCode {
        var scope = scope
        switch mode {
        case .script(let path, let arguments):
            let resolved = SourceFiles.resolve(path, relativeTo: scope.directory)
            let source: Source
            do {
                source = try SourceFiles.load(resolved, at: nil)
            } catch {
                interpreter.report(error, source: Source(name: path, text: ""), scope: scope)
                return .usage
            }
            scope.directory = (resolved as NSString).deletingLastPathComponent
            scope.includeStack = [resolved]
            for (index, value) in arguments.enumerated() { scope.locals["\(index + 1)"] = value }
            scope.locals["args"] = arguments.joined(separator: " ")
            return await interpreter.runScript(Source(name: path, text: source.text), scope: scope)
        case .command(let text):
            return await interpreter.runScript(Source(name: "-c", text: text), scope: scope)
        default:
            if isatty(STDIN_FILENO) == 1, let reader = try? EditLineReader() {
                scope.isInteractive = true
                let history = try? HistoryFile(environment: interpreter.session.environment.variables)
                return await REPL(interpreter: interpreter, reader: reader, historyFile: history).run(scope: scope)
            }
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return await interpreter.runScript(
                Source(name: "<stdin>", text: String(decoding: data, as: UTF8.self)), scope: scope)
        }
    }

    /// The session: its transport (libcurl) is made by the first request, so a run that sends none
    /// never starts libcurl and OpenSSL.
    private static func makeSession(options: LaunchOptions, environment: Environment, output: Output) -> Session {
        let retry = RetryPolicy(
            maxAttempts: RetryPolicy.configuredMaxAttempts(environment: environment, profile: nil) ?? 3)
        let logger = options.verbose ? TraceLog.logger(output: output) : .none
        let context = ClientContext(
            transport: OnDemandTransport { try CurlTransport() }, retry: retry, logger: logger,
            refusesMutations: options.dryRun, isInterrupted: { InterruptMonitor.shared.isInterrupted })
        let endpoints = EndpointResolver(commandLineURL: options.endpointURL, environment: environment)
        let session = Session(
            environment: environment, factory: ClientFactory(context: context, endpoints: endpoints), output: output,
            prompter: TerminalSecretPrompter())
        session.isDryRun = options.dryRun
        session.format = options.format
        session.regionOverride = options.region
        return session
    }
}

/// The `--verbose` log: records on stderr, secrets masked once more as a last line of defence.
enum TraceLog {
    /// A logger writing debug and trace records to `output`'s stderr.
    static func logger(output: Output) -> Logger {
        Logger(level: .trace) { level, message, metadata in
            let redactor = Redactor()
            let details = metadata.map { "\($0.0)=\(redactor.redact($0.1))" }.joined(separator: " ")
            output.error(CommandScrubber.scrub("[\(level)] \(message) \(details)", knownSecrets: []))
        }
    }
}
