/// What the `s3x` command line asked for.
struct LaunchOptions: Sendable, Equatable {
    /// How commands arrive.
    enum Mode: Sendable, Equatable {
        /// A prompt (or standard input when it is not a terminal).
        case interactive
        /// A script file with arguments.
        case script(path: String, arguments: [String])
        /// `-c 'COMMANDS'`.
        case command(String)
        /// `--version`.
        case version
        /// `--help`.
        case help
    }

    var mode: Mode = .interactive
    var dryRun = false
    var format: OutputFormat = .text
    var endpointURL: String?
    var region: String?
    var verbose = false
    var keepGoing = false
    var echo = false

    /// The usage text of `s3x --help`.
    static let usage = """
        usage: s3x [OPTIONS]                      interactive shell (commands from stdin when it is not a terminal)
               s3x [OPTIONS] FILE.s3x [ARGS...]   run a script (also: s3x run FILE.s3x)
               s3x [OPTIONS] -c 'COMMAND; ...'    run commands

        options:
          --dry-run             read the state and print what would change; change nothing
          --output text|json    result format (json: one object per command)
          --endpoint-url URL    send every request to URL (e.g. an emulator)
          --region REGION       the region for accounts added without one
          --keep-going          run every command of a script and report all failures at the end
          --echo                print each command before it runs (a transcript)
          --verbose             trace requests and replies on stderr (secrets masked)
          --version, --help

        exit codes: 0 ok; 1 a command failed; 2 usage or syntax error (nothing ran);
                    3 --keep-going and some command failed; 130 interrupted.
        Inside s3x, type 'help' for the commands.
        """

    /// Parses the arguments after the program name.
    /// - Throws: `ShellError.usage` for an unknown option or a missing value.
    static func parse(_ arguments: [String]) throws(ShellError) -> LaunchOptions {
        var options = LaunchOptions()
        var index = 0
        func value(_ name: String) throws(ShellError) -> String {
            index += 1
            guard index < arguments.count else { throw .usage(message: "\(name) needs a value", location: nil) }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--dry-run": options.dryRun = true
            case "--keep-going": options.keepGoing = true
            case "--echo": options.echo = true
            case "--verbose", "-v": options.verbose = true
            case "--version": options.mode = .version
            case "--help", "-h": options.mode = .help
            case "--output":
                guard let format = OutputFormat(rawValue: try value(argument)) else {
                    throw .usage(message: "--output must be text or json", location: nil)
                }
                options.format = format
            case "--endpoint-url": options.endpointURL = try value(argument)
            case "--region": options.region = try value(argument)
            case "-c": options.mode = .command(try value(argument))
            case "run":
                let path = try value(argument)
                options.mode = .script(path: path, arguments: Array(arguments.dropFirst(index + 1)))
                return options
            default:
                if argument.hasPrefix("--output=") {
                    guard let format = OutputFormat(rawValue: String(argument.dropFirst(9))) else {
                        throw .usage(message: "--output must be text or json", location: nil)
                    }
                    options.format = format
                } else if argument.hasPrefix("--endpoint-url=") {
                    options.endpointURL = String(argument.dropFirst(15))
                } else if argument.hasPrefix("--region=") {
                    options.region = String(argument.dropFirst(9))
                } else if argument.hasPrefix("-") {
                    throw .usage(message: "unknown option \(argument)", location: nil, hint: "see s3x --help")
                } else {
                    options.mode = .script(path: argument, arguments: Array(arguments.dropFirst(index + 1)))
                    return options
                }
            }
            index += 1
        }
        return options
    }
}
