import Locking
import Testing

@testable import Shell

/// Output's writes: a report's lines go out in one write, and a branch's output is kept until `flush`,
/// then written in order, one write per run of one stream.
@Suite struct OutputWriteTests {
    @Test func linesAreOneWriteAndNoneWhenEmpty() {
        let writes = Locked<[String]>([])
        let output = Output(colorOut: false, colorErr: false, errIsTerminal: false) { _, text in
            writes.withLock { $0.append(text) }
        }
        output.lines(["user create [primary]", "  user arn: arn:aws:iam::123456789012:user/u"])
        output.lines([])
        #expect(writes.withLock { $0 } == ["user create [primary]\n  user arn: arn:aws:iam::123456789012:user/u\n"])
    }

    @Test func flushJoinsConsecutiveLinesOfAStreamAndKeepsTheOrderAcrossStreams() {
        let writes = Locked<[(Output.Stream, String)]>([])
        let parent = Output(colorOut: false, colorErr: false, errIsTerminal: false) { stream, text in
            writes.withLock { $0.append((stream, text)) }
        }
        let branch = parent.buffered()
        branch.output.line("sec1  role create  created")
        branch.output.line("  role arn: arn:aws:iam::111111111111:role/r")
        branch.output.error("warning: slow")
        branch.output.line("sec1  trail create  created")
        #expect(writes.withLock { $0.isEmpty })

        branch.flush()

        let written = writes.withLock { $0 }
        #expect(written.map(\.0) == [.out, .err, .out])
        #expect(
            written.map(\.1) == [
                "sec1  role create  created\n  role arn: arn:aws:iam::111111111111:role/r\n", "warning: slow\n",
                "sec1  trail create  created\n",
            ])
        branch.flush()
        #expect(writes.withLock { $0.count } == 3)
    }
}
