import Testing

/// Running commands from `-c`, standard input and script files, with arguments, `source`,
/// `exit`, `--keep-going` and `--echo`; none of these touch AWS.
@Suite struct ScriptRunTests {
    @Test func commandsFromDashC() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        #expect(try await binary.run(["-c", "echo a; echo b"]) == .init(stdout: "a\nb\n", stderr: "", code: 0))
    }

    @Test func commandsFromStandardInput() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        let stdin = "# a comment\nset who \"standard input\"\necho from ${who}\necho 'two' \\\n  words\n"
        #expect(
            try await binary.run([], stdin: stdin)
                == .init(stdout: "from standard input\ntwo words\n", stderr: "", code: 0))
    }

    @Test func errorOnStandardInputNamesIt() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        #expect(
            try await binary.run([], stdin: "echo ok\nexti 1\n")
                == .init(
                    stdout: "",
                    stderr:
                        "<stdin>:2:1: error: unknown command 'exti'\n    exti 1\n    ^\n    hint: did you mean exit?\n",
                    code: 2))
    }

    @Test func scriptArguments() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        let scratch = try Scratch()
        try scratch.write("args.s3x", "echo \"[${1}]\" [${2}] all: ${args}\n")
        #expect(
            try await binary.run(["args.s3x", "one two", "three"], directory: scratch.path)
                == .init(stdout: "[one two] [three] all: one two three\n", stderr: "", code: 0))
        #expect(
            try await binary.run(["run", "args.s3x", "x", "y"], directory: scratch.path)
                == .init(stdout: "[x] [y] all: x y\n", stderr: "", code: 0))
    }

    @Test func sourcePathsAreRelativeToTheIncludingScript() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        let scratch = try Scratch()
        try scratch.write("setup/main.s3x", "echo main\nsource lib/inner.s3x hello\necho back in main\n")
        try scratch.write("setup/lib/inner.s3x", "source helper.s3x\necho inner ${1}\n")
        try scratch.write("setup/lib/helper.s3x", "echo helper\n")
        #expect(
            try await binary.run(["setup/main.s3x"], directory: scratch.path)
                == .init(stdout: "main\nhelper\ninner hello\nback in main\n", stderr: "", code: 0))
    }

    @Test func includeCycleIsRefusedBeforeAnythingRuns() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        let scratch = try Scratch()
        try scratch.write("a.s3x", "echo in a\nsource b.s3x\n")
        try scratch.write("b.s3x", "echo in b\nsource a.s3x\n")
        #expect(
            try await binary.run(["a.s3x"], directory: scratch.path)
                == .init(
                    stdout: "",
                    stderr: """
                        \(scratch.path)/b.s3x:2:8: error: scripts source each other in a loop: a.s3x -> b.s3x -> a.s3x
                            source a.s3x
                                   ^

                        """, code: 2))
    }

    @Test func exitCodeOfExit() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        #expect(try await binary.run(["-c", "echo a; exit 3; echo b"]) == .init(stdout: "a\n", stderr: "", code: 3))
        #expect(try await binary.run([], stdin: "exit\necho never\n") == .init(stdout: "", stderr: "", code: 0))
    }

    @Test func aFailedCommandStopsTheScriptWithCode1() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        let scratch = try Scratch()
        try scratch.write("kg.s3x", Self.failing)
        #expect(
            try await binary.run(["kg.s3x"], directory: scratch.path)
                == .init(stdout: "one\n", stderr: Self.whoamiFailure, code: 1))
    }

    @Test func keepGoingRunsOnAndReportsEveryFailure() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        let scratch = try Scratch()
        try scratch.write("kg.s3x", Self.failing)
        #expect(
            try await binary.run(["--keep-going", "kg.s3x"], directory: scratch.path)
                == .init(
                    stdout: "one\ntwo\nthree\n",
                    stderr: Self.whoamiFailure + """
                        kg.s3x:4:12: error: output must be text or json, not 'yaml'
                            set output yaml
                                       ^
                        2 commands failed (--keep-going)

                        """, code: 3))
    }

    @Test func echoPrintsATranscript() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        #expect(
            try await binary.run(["--echo", "-c", "set x 1; echo \"x is ${x}\""])
                == .init(stdout: "+ set x 1\n+ echo \"x is ${x}\"\nx is 1\n", stderr: "", code: 0))
    }

    @Test func echoMasksASecretShapedWord() async throws {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        // AWS's documented example secret access key, not a real one.
        let result = try await binary.run(["--echo", "-c", "echo wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"])
        #expect(result.stdout.hasPrefix("+ echo <redacted>\n"))
    }

    /// Fails at run time on lines 2 and 4 (no account in use; a bad setting value).
    static let failing = "echo one\nwhoami\necho two\nset output yaml\necho three\n"

    static let whoamiFailure = """
        kg.s3x:2:1: error: whoami: no account is in use
            whoami
            ^
            hint: add one first: account add ALIAS --profile NAME

        """
}
