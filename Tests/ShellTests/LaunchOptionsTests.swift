import Testing

@testable import Shell

/// The `s3x` command line.
@Suite struct LaunchOptionsTests {
    @Test func noArgumentsIsInteractive() throws {
        #expect(try LaunchOptions.parse([]) == LaunchOptions())
    }

    @Test func versionHelpAndCommands() throws {
        #expect(try LaunchOptions.parse(["--version"]).mode == .version)
        #expect(try LaunchOptions.parse(["-h"]).mode == .help)
        #expect(try LaunchOptions.parse(["-c", "echo a; echo b"]).mode == .command("echo a; echo b"))
    }

    @Test func optionsBeforeTheScript() throws {
        let options = try LaunchOptions.parse(
            ["--dry-run", "--output", "json", "--keep-going", "--echo", "-v", "setup.s3x", "a", "b"])
        #expect(options.mode == .script(path: "setup.s3x", arguments: ["a", "b"]))
        #expect(options.dryRun && options.keepGoing && options.echo && options.verbose)
        #expect(options.format == .json)
    }

    @Test func wordsAfterTheScriptBelongToIt() throws {
        let options = try LaunchOptions.parse(["setup.s3x", "--echo", "x"])
        #expect(options.mode == .script(path: "setup.s3x", arguments: ["--echo", "x"]))
        #expect(!options.echo)
        #expect(
            try LaunchOptions.parse(["run", "f.s3x", "--keep-going"]).mode
                == .script(path: "f.s3x", arguments: ["--keep-going"]))
    }

    @Test func equalsForms() throws {
        let options = try LaunchOptions.parse([
            "--output=json", "--endpoint-url=http://127.0.0.1:1", "--region=eu-west-1",
        ])
        #expect(options.format == .json)
        #expect(options.endpointURL == "http://127.0.0.1:1")
        #expect(options.region == "eu-west-1")
        let spaced = try LaunchOptions.parse(["--endpoint-url", "http://h", "--region", "us-west-2"])
        #expect(spaced.endpointURL == "http://h" && spaced.region == "us-west-2")
    }

    @Test func mistakesAreUsageErrors() {
        #expect(usage(["--bogus"]) == "unknown option --bogus | see s3x --help")
        #expect(usage(["--output", "yaml"]) == "--output must be text or json | ")
        #expect(usage(["--output=xml"]) == "--output must be text or json | ")
        #expect(usage(["-c"]) == "-c needs a value | ")
        #expect(usage(["run"]) == "run needs a value | ")
    }

    private func usage(_ arguments: [String]) -> String? {
        do {
            _ = try LaunchOptions.parse(arguments)
            return nil
        } catch {
            guard case .usage(let message, _, let hint) = error else { return "\(error)" }
            #expect(error.exitCode == .usage)
            return "\(message) | \(hint ?? "")"
        }
    }
}
