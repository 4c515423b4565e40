import Testing

/// `s3x --version`, `--help` and a mistaken option, through the built binary.
@Suite struct CommandLineTests {
    @Test func version() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        #expect(try await binary.run(["--version"]) == .init(stdout: "s3x 0.1.0\n", stderr: "", code: 0))
    }

    @Test func help() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        let result = try await binary.run(["--help"])
        #expect(result == .init(stdout: Self.usage, stderr: "", code: 0))
    }

    @Test func unknownOptionIsAUsageError() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        #expect(
            try await binary.run(["--bogus"])
                == .init(stdout: "", stderr: "error: unknown option --bogus\n  hint: see s3x --help\n", code: 2))
    }

    @Test func optionWithoutValueIsAUsageError() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        #expect(
            try await binary.run(["--output", "yaml"])
                == .init(stdout: "", stderr: "error: --output must be text or json\n", code: 2))
    }

    @Test func missingScriptIsAUsageError() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        let scratch = try Scratch()
        #expect(
            try await binary.run(["nothing-here.s3x"], directory: scratch.path)
                == .init(stdout: "", stderr: "error: cannot read script '\(scratch.path)/nothing-here.s3x'\n", code: 2))
    }

    /// The text of `s3x --help`.
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
}
