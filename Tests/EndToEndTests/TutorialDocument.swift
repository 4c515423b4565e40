import Foundation

/// `docs/tutorial.md` as its test reads it: prose, fenced `s3x` blocks of commands, and after
/// each such block (blank lines between allowed) the fenced `text` block showing its output.
struct TutorialDocument {
    /// Why the document cannot be read.
    struct Malformed: Error, CustomStringConvertible {
        /// What is wrong, with the line number.
        let description: String
    }

    /// One block of commands and the output block shown after it.
    struct Step {
        /// The commands, as written.
        var commands: [String]
        /// The index of the command block's closing fence.
        var commandsEnd: Int
        /// The output block: the lines from just after `commandsEnd` to its closing fence.
        var outputBlock: ClosedRange<Int>?
        /// The output shown, between the output block's fences.
        var shownOutput: [String]
    }

    /// The document's lines.
    let lines: [String]
    /// Its steps, in order.
    let steps: [Step]

    /// Reads `text`.
    /// - Throws: `Malformed` for a block that is never closed.
    init(_ text: String) throws {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var steps: [Step] = []
        var index = 0
        while index < lines.count {
            guard lines[index] == "```s3x" else {
                index += 1
                continue
            }
            let commandsEnd = try Self.closingFence(after: index, in: lines)
            var step = Step(
                commands: Array(lines[(index + 1)..<commandsEnd]), commandsEnd: commandsEnd, outputBlock: nil,
                shownOutput: [])
            var next = commandsEnd + 1
            while next < lines.count && lines[next].isEmpty { next += 1 }
            if next < lines.count && lines[next] == "```text" {
                let outputEnd = try Self.closingFence(after: next, in: lines)
                step.outputBlock = (commandsEnd + 1)...outputEnd
                step.shownOutput = Array(lines[(next + 1)..<outputEnd])
                index = outputEnd + 1
            } else {
                index = commandsEnd + 1
            }
            steps.append(step)
        }
        self.steps = steps
    }

    /// The marker line s3x echoes before step `index`, to split its output by step.
    static func marker(_ index: Int) -> String { "@@tutorial-step-\(index)" }

    /// Every step's commands as one script, each step after its marker.
    var script: String {
        steps.enumerated().map { index, step in
            (["echo '\(Self.marker(index))'"] + step.commands).joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }

    /// `stdout` of the script split into each step's lines.
    /// - Throws: `Malformed` when a marker is missing.
    func outputs(in stdout: String) throws -> [[String]] {
        var lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var outputs: [[String]] = []
        for index in steps.indices {
            guard lines.first == Self.marker(index) else {
                throw Malformed(description: "the output lacks the marker of step \(index + 1) where expected")
            }
            lines.removeFirst()
            let end = lines.firstIndex(of: Self.marker(index + 1)) ?? lines.endIndex
            outputs.append(Array(lines[..<end]))
            lines.removeFirst(end)
        }
        return outputs
    }

    /// The document with each step's output block showing `outputs` (a block is added where
    /// output appears, and removed where a step prints nothing).
    func rewritten(with outputs: [[String]]) -> String {
        var result = lines
        for (step, output) in zip(steps, outputs).reversed() {
            let block = output.isEmpty ? [] : [""] + ["```text"] + output + ["```"]
            if let existing = step.outputBlock {
                result.replaceSubrange(existing, with: block)
            } else {
                result.insert(contentsOf: block, at: step.commandsEnd + 1)
            }
        }
        return result.joined(separator: "\n")
    }

    private static func closingFence(after opening: Int, in lines: [String]) throws -> Int {
        guard let end = lines[(opening + 1)...].firstIndex(of: "```") else {
            throw Malformed(description: "line \(opening + 1): the block opened here is never closed")
        }
        return end
    }
}
