import Script
import Testing

@testable import Shell

/// The line an interrupted script prints before it exits with 130.
@Suite struct InterruptSummaryTests {
    private static let script = """
        each sec1 sec2 --background {
            role create r --trust primary
        }
        bucket create b --cloudtrail
        trail create t --bucket b
        check
        """

    @Test func aBackgroundBlockStoppedPartWayIsNamedAndNotCountedAsRun() throws {
        let statements = try Parser.parse(Source(name: "setup.s3x", text: Self.script))
        let summary = InterruptSummary(statements: statements, stopped: 2, began: true, alsoStopped: [0])

        #expect(
            summary.text
                == "interrupted after 1 of 4 commands; stopped part way: each sec1 sec2 --background { ... } (line 1), "
                + "trail create t --bucket b (line 5); not run: check (line 6); run the script again to finish")
    }

    @Test func withoutBackgroundBlocksOnlyTheCurrentStatementIsPartWay() throws {
        let statements = try Parser.parse(Source(name: "setup.s3x", text: Self.script))
        let summary = InterruptSummary(statements: statements, stopped: 1, began: false)

        #expect(
            summary.text
                == "interrupted after 1 of 4 commands; not run: bucket create b --cloudtrail (line 4), "
                + "trail create t --bucket b (line 5), check (line 6); run the script again to finish")
    }
}
