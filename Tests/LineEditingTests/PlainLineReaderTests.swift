import Foundation
import Testing

@testable import LineEditing

@Suite struct PlainLineReaderTests {
    /// Feeds `bytes` through a pipe and collects everything the reader returns up to end of file.
    func readAll(_ bytes: [UInt8]) -> [LineInput] {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(bytes))
        try? pipe.fileHandleForWriting.close()
        let reader = PlainLineReader(input: pipe.fileHandleForReading)
        var inputs: [LineInput] = []
        while inputs.count < 100 {
            let input = reader.readLine(prompt: "ignored> ")
            inputs.append(input)
            if input == .endOfFile { break }
        }
        return inputs
    }

    @Test func splitsOnNewlines() {
        #expect(
            readAll(Array("one\ntwo\n\nfour\n".utf8)) == [
                .line("one"), .line("two"), .line(""), .line("four"), .endOfFile,
            ])
    }

    @Test func stripsCRLF() {
        #expect(readAll(Array("a\r\nb\r\n".utf8)) == [.line("a"), .line("b"), .endOfFile])
    }

    @Test func keepsALastLineWithoutNewline() {
        #expect(readAll(Array("first\nlast".utf8)) == [.line("first"), .line("last"), .endOfFile])
    }

    @Test func emptyInputIsEndOfFileAndStaysSo() {
        let pipe = Pipe()
        try? pipe.fileHandleForWriting.close()
        let reader = PlainLineReader(input: pipe.fileHandleForReading)
        #expect(reader.readLine(prompt: "") == .endOfFile)
        #expect(reader.readLine(prompt: "") == .endOfFile)
    }

    @Test func keepsMultibyteTextAcrossChunkBoundaries() {
        let long = String(repeating: "é", count: 5000)
        #expect(readAll(Array("\(long)\nx\n".utf8)) == [.line(long), .line("x"), .endOfFile])
    }
}
