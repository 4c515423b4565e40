import Foundation
import Script

/// What an interrupted script did and did not do, for the line printed before it exits with 130.
///
/// A statement is a command or a whole `each` block. Reads as
/// `interrupted after 4 of 12 commands; stopped part way: trail create ...; not run: user create ..., check ...`.
struct InterruptSummary: Sendable, Equatable {
    /// The top-level statements of the script.
    let statements: [Statement]
    /// The index of the statement the interrupt stopped at.
    let stopped: Int
    /// Whether that statement had started (it may have made some of its changes) or not.
    let began: Bool
    /// Earlier statements still running when the interrupt came (`each ... --background`).
    var alsoStopped: [Int] = []

    /// The most statements named in the `not run` list; the rest are counted.
    static let listed = 8

    /// The summary line.
    var text: String {
        let finished = stopped - alsoStopped.filter { $0 < stopped }.count
        var text = "interrupted after \(finished) of \(statements.count) command\(statements.count == 1 ? "" : "s")"
        let partWay = alsoStopped.filter { $0 < stopped } + (began && stopped < statements.count ? [stopped] : [])
        if !partWay.isEmpty {
            text += "; stopped part way: " + partWay.map { Self.label(statements[$0]) }.joined(separator: ", ")
        }
        let notRun = Array(statements.dropFirst(began ? stopped + 1 : stopped))
        guard !notRun.isEmpty else {
            return text
        }
        let names = notRun.prefix(Self.listed).map(Self.label)
        let more = notRun.count > Self.listed ? ", and \(notRun.count - Self.listed) more" : ""
        return text + "; not run: " + names.joined(separator: ", ") + more + "; run the script again to finish"
    }

    /// A statement's first line as written, with its line number: `trail create NAME ... (line 20)`.
    static func label(_ statement: Statement) -> String {
        switch statement {
        case .command(let command):
            let first = command.text.split(separator: "\n").first.map(String.init) ?? command.text
            let text = CommandScrubber.scrub(first.trimmingCharacters(in: .whitespaces), knownSecrets: [])
            return "\(text) (line \(command.location.line))"
        case .block(let header, _, _):
            return "\(header.text.trimmingCharacters(in: .whitespaces)) { ... } (line \(header.location.line))"
        }
    }
}
