import CrossAccount
import Testing

@testable import Shell

/// The human text of reports and tables, line by line.
@Suite struct ReportRendererTests {
    let output = OutputSink().output

    @Test func createdResourceWithChangesAndFields() {
        let report = Report(
            command: "role create", account: "sec1 (111111111111)", resource: "scan-role", outcome: .created,
            fields: [.init("role arn", "arn:aws:iam::111111111111:role/scan-role"), .init("trusts", "123456789012")],
            changes: ["trust admits account 123456789012"], diff: ["+ {}"], calls: ["iam:CreateRole scan-role"])
        #expect(
            ReportRenderer(output: output).lines(report) == [
                "role create scan-role [sec1 (111111111111)]: created",
                "  - trust admits account 123456789012",
                "  role arn: arn:aws:iam::111111111111:role/scan-role",
                "  trusts:   123456789012",
            ])
    }

    @Test func planShowsItsCallsAndDiff() {
        let report = Report(
            command: "policy create", account: "primary", resource: "p", outcome: .wouldUpdate,
            changes: ["new default version"], diff: ["  {", "-   \"a\": 1", "+   \"a\": 2", "  }"],
            calls: ["iam:CreatePolicyVersion p"])
        #expect(
            ReportRenderer(output: output).lines(report) == [
                "policy create p [primary]: would update",
                "  - new default version",
                "  would call:",
                "    iam:CreatePolicyVersion p",
                "      {",
                "    -   \"a\": 1",
                "    +   \"a\": 2",
                "      }",
            ])
    }

    @Test func unchangedShowsOnlyTheHeader() {
        let report = Report(command: "bucket create", account: "primary", resource: "b", outcome: .unchanged)
        #expect(ReportRenderer(output: output).lines(report) == ["bucket create b [primary]: unchanged"])
    }

    @Test func secretsAreShownUnderTheirWarning() {
        let report = Report(
            command: "user create", resource: "scanner", outcome: .created,
            fields: [.init("access key id", "AKIAEXAMPLE")], secrets: [.init("secret access key", "s3cr3t")])
        #expect(
            ReportRenderer(output: output).lines(report) == [
                "user create scanner: created",
                "  access key id: AKIAEXAMPLE",
                "  shown once, never stored or recorded; note it now:",
                "    secret access key: s3cr3t",
            ])
    }

    @Test func reportWithoutHeaderIsNotIndented() {
        let report = Report(
            command: "account list",
            table: .init(columns: ["alias", "account"], rows: [["* primary", "123456789012"], ["  sec1", "1"]]))
        #expect(
            ReportRenderer(output: output).lines(report) == [
                "alias      account",
                "* primary  123456789012",
                "  sec1     1",
            ])
    }

    @Test func tableAlignsColumnsAndLeavesTheLastUnpadded() {
        let table = Report.Table(
            columns: ["account", "status", "detail"],
            rows: [["sec1", "ok", "ok"], ["secondary-2", "FAIL", "AccessDenied"]])
        #expect(
            TableRenderer(output: output).lines(table) == [
                "account      status  detail",
                "sec1         ok      ok",
                "secondary-2  FAIL    AccessDenied",
            ])
    }

    @Test func colourOnlyWhenTheOutputAllowsIt() {
        let coloured = Output(colorOut: true, colorErr: false, errIsTerminal: false) { _, _ in }
        let table = Report.Table(columns: ["status"], rows: [["ok"]])
        #expect(TableRenderer(output: coloured).lines(table) == ["\u{1B}[1mstatus\u{1B}[0m", "\u{1B}[32mok\u{1B}[0m"])
    }
}
