/// The blocks the parser has opened and not yet closed, with the statements collected so far.
struct BlockStack {
    /// An open block: its header, the position of its `{` and the statements read inside it.
    private struct Frame {
        var header: Command
        var opening: SourceLocation
        var body: [Statement] = []
    }

    private var topLevel: [Statement] = []
    private var frames: [Frame] = []

    /// The position of the `{` of the innermost open block, or nil when no block is open.
    var innermostOpening: SourceLocation? {
        frames.last?.opening
    }

    /// Adds a statement to the innermost open block, or to the top level.
    mutating func append(_ statement: Statement) {
        if frames.isEmpty {
            topLevel.append(statement)
        } else {
            frames[frames.count - 1].body.append(statement)
        }
    }

    /// Opens a block under `header` whose `{` is at `opening`.
    mutating func open(header: Command, at opening: SourceLocation) {
        frames.append(Frame(header: header, opening: opening))
    }

    /// Closes the innermost block at the `}` at `end` and adds it to its parent.
    ///
    /// - Throws: ``ScriptError/Kind/unexpectedBlockEnd`` when no block is open.
    mutating func close(at end: SourceLocation) throws(ScriptError) {
        guard let frame = frames.popLast() else {
            throw ScriptError(kind: .unexpectedBlockEnd, location: end)
        }
        append(.block(header: frame.header, body: frame.body, end: end))
    }

    /// The top-level statements, once every block is closed.
    ///
    /// - Throws: ``ScriptError/Kind/unclosedBlock`` at the `{` of the innermost block still open.
    func finish() throws(ScriptError) -> [Statement] {
        if let opening = innermostOpening {
            throw ScriptError(kind: .unclosedBlock, location: opening)
        }
        return topLevel
    }
}
