import Foundation

/// Reads lines from a pipe or file, with no prompt, echo or editing.
///
/// Lines end in `\n` or `\r\n`; the last line may lack its terminator. Bytes that are not valid
/// UTF-8 are replaced with U+FFFD rather than failing the whole line.
public final class PlainLineReader: LineReader {
    private let input: FileHandle
    private var buffer: [UInt8] = []
    private var reachedEnd = false

    /// Completion does not apply without a terminal; the value is kept only to satisfy ``LineReader``.
    public var completion: (@Sendable (CompletionContext) -> [String])?

    /// Creates a reader over `input`, which it reads from but does not close.
    public init(input: FileHandle) {
        self.input = input
    }

    /// Returns the next line; `prompt` is ignored because nobody is watching a pipe.
    public func readLine(prompt: String) -> LineInput {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var lineBytes = buffer[..<newline]
                buffer.removeSubrange(...newline)
                if lineBytes.last == UInt8(ascii: "\r") {
                    lineBytes = lineBytes.dropLast()
                }
                return .line(String(decoding: lineBytes, as: UTF8.self))
            }
            if reachedEnd {
                return takeFinalLine()
            }
            fill()
        }
    }

    /// Plain input keeps no history: there is no up arrow to walk it.
    public func addHistoryEntry(_ line: String) {}

    /// Reads the next chunk, marking the end of input on an empty read or a read error.
    private func fill() {
        let chunk = (try? input.read(upToCount: 4096)) ?? nil
        guard let chunk, !chunk.isEmpty else {
            reachedEnd = true
            return
        }
        buffer.append(contentsOf: chunk)
    }

    /// Returns the unterminated last line, or end of file when nothing is left.
    private func takeFinalLine() -> LineInput {
        guard !buffer.isEmpty else { return .endOfFile }
        var lineBytes = buffer[...]
        if lineBytes.last == UInt8(ascii: "\r") {
            lineBytes = lineBytes.dropLast()
        }
        buffer.removeAll()
        return .line(String(decoding: lineBytes, as: UTF8.self))
    }
}
