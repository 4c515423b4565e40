import Testing

/// A script with a mistake prints `FILE:LINE:COLUMN: error: ...`, the line and a caret, exits 2,
/// and runs nothing: the `echo` above the mistake never prints.
@Suite struct ScriptErrorTests {
    private func run(_ script: String) async throws -> S3xBinary.Result {
        let binary = try #require(S3xBinary.built, S3xBinary.skipReason)
        let scratch = try Scratch()
        try scratch.write("bad.s3x", "echo this must not print\n" + script)
        return try await binary.run(["bad.s3x"], directory: scratch.path)
    }

    private func expectRefused(_ script: String, _ stderr: String) async throws {
        #expect(try await run(script) == .init(stdout: "", stderr: stderr, code: 2))
    }

    @Test func unterminatedQuote() async throws {
        try await expectRefused(
            "bucket create \"prisma-saas\nwhoami\n",
            """
            bad.s3x:2:15: error: unterminated double quote
                bucket create "prisma-saas
                              ^

            """)
    }

    @Test func unknownCommandWithHint() async throws {
        try await expectRefused(
            "bukcet create b\n",
            """
            bad.s3x:2:1: error: unknown command 'bukcet'
                bukcet create b
                ^
                hint: did you mean bucket?

            """)
    }

    @Test func unknownOption() async throws {
        try await expectRefused(
            "user create scanner --acces-key\n",
            """
            bad.s3x:2:21: error: user create has no option --acces-key
                user create scanner --acces-key
                                    ^
                hint: did you mean --access-key?

            """)
    }

    @Test func unknownVariable() async throws {
        try await expectRefused(
            "set bucket b\necho \"${bucket}\" ${buckte}\n",
            """
            bad.s3x:3:18: error: unknown variable 'buckte'
                echo "${bucket}" ${buckte}
                                 ^
                hint: set it first (set buckte VALUE), or use ${env.NAME} for the environment

            """)
    }

    @Test func unknownAlias() async throws {
        try await expectRefused(
            "account add primary --profile p\nwhoami --in primray\n",
            """
            bad.s3x:3:13: error: unknown account alias 'primray'
                whoami --in primray
                            ^
                hint: did you mean primary?

            """)
    }

    @Test func mistakeOnLine40() async throws {
        let lines = (2...39).map { "echo line \($0)" } + ["trail create t --bucket\n"]
        try await expectRefused(
            lines.joined(separator: "\n"),
            """
            bad.s3x:40:16: error: --bucket needs a value (BUCKET)
                trail create t --bucket
                               ^

            """)
    }
}
