import CrossAccount
import Script
import Testing

@testable import Shell

/// Colour only on a terminal and never with NO_COLOR; progress only on a terminal; JSON shapes.
@Suite struct UXOutputRulesTests {
    @Test func colourIsRefusedByNoColorAndDumbTerminals() {
        #expect(Output.allowsColor(environment: [:]))
        #expect(Output.allowsColor(environment: ["TERM": "xterm-256color"]))
        #expect(!Output.allowsColor(environment: ["NO_COLOR": "1"]))
        #expect(!Output.allowsColor(environment: ["NO_COLOR": "yes", "TERM": "xterm"]))
        // no-color.org: an empty NO_COLOR does not count.
        #expect(Output.allowsColor(environment: ["NO_COLOR": ""]))
        #expect(!Output.allowsColor(environment: ["TERM": "dumb"]))
    }

    @Test func styledTextCarriesEscapesOnlyWhenColourIsOn() {
        #expect(UXCapture(terminal: true).output.styled("ok", .green) == "\u{1B}[32mok\u{1B}[0m")
        #expect(UXCapture(terminal: false).output.styled("ok", .green) == "ok")
    }

    @Test func reportTextHasNoEscapesWithoutColour() {
        let report = Report(
            command: "role create", account: "sec1", resource: "r", outcome: .wouldUpdate, diff: ["- a", "+ b"],
            calls: ["iam:UpdateAssumeRolePolicy r"])
        let plain = ReportRenderer(output: UXCapture().output).lines(report)
        #expect(
            plain == [
                "role create r [sec1]: would update", "  would call:", "    iam:UpdateAssumeRolePolicy r",
                "    - a", "    + b",
            ])
        let coloured = ReportRenderer(output: UXCapture(terminal: true).output).lines(report)
        #expect(coloured[0] == "role create r [sec1]: \u{1B}[36mwould update\u{1B}[0m")
        #expect(coloured[3] == "    \u{1B}[31m- a\u{1B}[0m")
    }

    @Test func progressIsDrawnOnATerminalOnly() {
        let terminal = UXCapture(terminal: true)
        let progress = Progress(output: terminal.output, total: 3)
        progress.record(succeeded: true)
        progress.record(succeeded: false)
        progress.finish()
        #expect(terminal.err.contains("[0/3 accounts done, 3 left]"))
        #expect(terminal.err.contains("[2/3 accounts done, 1 left, 1 failed]"))
        #expect(terminal.err.hasSuffix("\r\u{1B}[K"))
        #expect(terminal.out.isEmpty)

        let piped = UXCapture(terminal: false)
        let quiet = Progress(output: piped.output, total: 3)
        quiet.record(succeeded: true)
        quiet.finish()
        #expect(piped.err.isEmpty)
        #expect(piped.out.isEmpty)
    }

    @Test func jsonErrorObjectsHaveTheDocumentedShape() throws {
        let printer = DiagnosticPrinter(output: UXCapture().output, format: .json)
        let failed = ShellError.failed(
            command: "trail create", account: "sec1 (111111111111)", message: "denied", hint: "use MFA")
        #expect(
            printer.json(failed)
                == #"{"account":"sec1 (111111111111)","command":"trail create","error":"denied","hint":"use MFA","#
                + #""kind":"failed","succeeded":false}"#)
        #expect(
            printer.json(.usage(message: "bad", location: .init(file: "a.s3x", line: 3, column: 5)))
                == #"{"column":5,"error":"bad","file":"a.s3x","kind":"usage","line":3,"succeeded":false}"#)
        #expect(DiagnosticPrinter(output: UXCapture().output, format: .text).json(failed) == nil)
        #expect(printer.json(.exit(3)) == nil)
    }

    @Test func plainTextCommandsHaveAJSONShapeToo() {
        #expect(
            ReportJSON.text(command: "echo", lines: ["a b", "c/d"])
                == #"{"command":"echo","lines":["a b","c/d"],"succeeded":true}"#)
    }
}
