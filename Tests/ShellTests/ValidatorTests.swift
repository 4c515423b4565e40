import Foundation
import Script
import Testing

@testable import Shell

/// The whole-script check that runs before the first command: a mistake anywhere means
/// nothing runs.
@Suite struct ValidatorTests {
    let fixture = ShellFixture()

    @Test func anErrorOnLine40RunsNothing() async throws {
        let lines = (1...39).map { "echo line \($0)" } + ["bucket craete b"]
        let source = Source(name: "long.s3x", text: lines.joined(separator: "\n") + "\n")
        let sink = OutputSink()
        let code = await fixture.interpreter.runScript(source, scope: fixture.scope(sink: sink))
        #expect(code == .usage)
        #expect(sink.out == "")
        #expect(
            sink.err == """
                long.s3x:40:8: error: unknown command 'bucket craete'
                    bucket craete b
                           ^
                    hint: did you mean bucket create?

                """)
    }

    @Test func aliasesDefinedAboveAreKnown() throws {
        let script = """
            account add primary --profile admin
            role assume arn:aws:iam::111111111111:role/Admin --as sec1 --from primary
            whoami --in sec1
            bucket allow-prefix logs primary sec1 222222222222
            echo ${sec1.id} ${primary.region}
            """
        #expect(try fixture.validationError(script) == nil)
    }

    @Test func anAliasUsedBeforeItIsAddedIsUnknown() throws {
        let script = """
            whoami --in sec1
            role assume arn:aws:iam::111111111111:role/Admin --as sec1
            """
        #expect(
            try fixture.validationError(script) == """
                test.s3x:1:13: error: unknown account alias 'sec1'
                    whoami --in sec1
                                ^
                    hint: add one first: account add ALIAS
                """)
    }

    @Test func aRemovedAliasIsUnknownAfterwards() throws {
        let script = "account add a --profile p\naccount remove a\nwhoami --in a\n"
        #expect(
            try fixture.validationError(script)?.hasPrefix("test.s3x:3:13: error: unknown account alias 'a'") == true)
    }

    @Test func setVariablesAreKnownBelowTheirSet() throws {
        #expect(try fixture.validationError("set bucket logs\nbucket create ${bucket}\n") == nil)
        #expect(
            try fixture.validationError("bucket create ${bucket}\nset bucket logs\n") == """
                test.s3x:1:15: error: unknown variable 'bucket'
                    bucket create ${bucket}
                                  ^
                    hint: set it first (set bucket VALUE), or use ${env.NAME} for the environment
                """)
    }

    @Test func aVariableHoldingAnUnknownAliasIsCaught() throws {
        #expect(
            try fixture.validationError("set target sec9\nwhoami --in ${target}\n") == """
                test.s3x:2:13: error: unknown account alias 'sec9'
                    whoami --in ${target}
                                ^
                    hint: add one first: account add ALIAS
                """)
    }

    @Test func valuesKnownOnlyAtRunTimeSkipTypeChecks() throws {
        // ${primary.id} is learned when `account add` runs; the check must not refuse it.
        let script = "account add primary --profile p\nset id ${primary.id}\nbucket allow-prefix b ${id}\n"
        #expect(try fixture.validationError(script) == nil)
    }

    @Test func sourcingAMissingFileIsRefusedBeforeAnythingRuns() throws {
        let directory = try TemporaryFolder()
        #expect(
            try fixture.validationError("echo first\nsource missing.s3x\n", directory: directory.path) == """
                test.s3x:2:8: error: cannot read script '\(directory.path)/missing.s3x'
                    source missing.s3x
                           ^
                """)
    }

    @Test func sourcedScriptsAreCheckedToo() throws {
        let directory = try TemporaryFolder()
        try directory.write("inner.s3x", "echo fine\nbukcet create x\n")
        let error = try fixture.validationError("source inner.s3x\n", directory: directory.path)
        #expect(error?.hasPrefix("\(directory.path)/inner.s3x:2:1: error: unknown command 'bukcet'") == true)
    }

    @Test func sourcedScriptsSeeTheirArguments() throws {
        let directory = try TemporaryFolder()
        try directory.write("inner.s3x", "echo ${1} ${args}\n")
        #expect(try fixture.validationError("source inner.s3x one two\n", directory: directory.path) == nil)
    }

    @Test func includeCyclesAreFoundBeforeAnythingRuns() throws {
        let directory = try TemporaryFolder()
        try directory.write("a.s3x", "echo in a\nsource b.s3x\n")
        try directory.write("b.s3x", "source a.s3x\n")
        let error = try fixture.validationError("source a.s3x\n", directory: directory.path)
        #expect(
            error == """
                \(directory.path)/b.s3x:1:8: error: scripts source each other in a loop: test.s3x -> a.s3x -> b.s3x -> a.s3x
                    source a.s3x
                           ^
                """)
    }

    @Test func eachBlocksKnowTheirAccountVariable() throws {
        let script = """
            account add sec1 --profile p
            each sec1 {
                echo ${account}
            }
            echo ${account}
            """
        #expect(
            try fixture.validationError(script)?.hasPrefix("test.s3x:5:6: error: unknown variable 'account'") == true)
    }
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    /// Its absolute path (symlinks resolved, as `source` resolves them).
    let path: String

    /// Creates an empty folder.
    init() throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("s3x-shelltests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = (base as NSString).standardizingPath
    }

    /// Writes `text` to `name` inside the folder.
    func write(_ name: String, _ text: String) throws {
        let url = URL(fileURLWithPath: (path as NSString).appendingPathComponent(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
