import Foundation
import Testing

/// A `.s3x` script under `Transcripts/` and the output expected from it, compared after a
/// documented, minimal normalisation of what differs from run to run.
///
/// `NAME.s3x` is the script; `NAME.out` and `NAME.err` hold the expected stdout and stderr (a
/// missing file means empty). Set `S3X_E2E_RECORD=1` to rewrite them from the actual output
/// (then read the diff before committing it).
struct Transcript {
    /// The folder holding the transcripts.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Transcripts")

    /// The script's name without extension.
    let name: String

    /// The script's file name, to run with `Transcript.folder` as the working directory (so
    /// diagnostics name it the same on every machine).
    var script: String { "\(name).s3x" }

    /// The expected text of `NAME.EXTENSION`, or "" when there is none.
    func expected(_ fileExtension: String) -> String {
        let path = Self.folder.appendingPathComponent("\(name).\(fileExtension)").path
        return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Compares `result` (normalised) with the expected stdout, stderr and `code`.
    func verify(_ result: S3xBinary.Result, code: Int32, unique: String?, as label: String? = nil) throws {
        let label = label ?? name
        let stdout = Self.normalise(result.stdout, unique: unique)
        let stderr = Self.normalise(result.stderr, unique: unique)
        if ProcessInfo.processInfo.environment["S3X_E2E_RECORD"] == "1" {
            try record(stdout, as: "\(label).out")
            try record(stderr, as: "\(label).err")
        }
        let expected = Transcript(name: label)
        #expect(stdout == expected.expected("out"), "stdout of \(label)")
        #expect(stderr == expected.expected("err"), "stderr of \(label)")
        #expect(result.code == code, "exit code of \(label)")
    }

    private func record(_ text: String, as file: String) throws {
        let url = Self.folder.appendingPathComponent(file)
        if text.isEmpty {
            try? FileManager.default.removeItem(at: url)
        } else {
            try Data(text.utf8).write(to: url)
        }
    }

    /// What changes from run to run, replaced by placeholders. Nothing else is touched:
    /// - the run's unique name suffix -> `<unique>`
    /// - role session names `s3x-<digits>` -> `s3x-<session>`
    /// - ISO 8601 times -> `<time>`; `NNm left` -> `<minutes>m left`
    /// - access key ids (`AKIA...`, `ASIA...`) -> `<access-key-id>`; role and user ids (`AROA...`,
    ///   `AIDA...`) -> `<unique-id>`
    /// - the value after `secret access key:` and `user id:` -> `<secret>`, `<user-id>`
    /// - `(request id ...)` -> `(request id <request-id>)`
    static func normalise(_ text: String, unique: String?) -> String {
        var result = unique.map { text.replacingOccurrences(of: $0, with: "<unique>") } ?? text
        let rules: [(String, String)] = [
            (#"\bs3x-[0-9]{6,}\b"#, "s3x-<session>"),
            (#"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z"#, "<time>"),
            (#"\b[0-9]+m left\b"#, "<minutes>m left"),
            (#"\b(AKIA|ASIA)[A-Z0-9]{16}\b"#, "<access-key-id>"),
            (#"\b(AROA|AIDA)[A-Z0-9]{16,}\b"#, "<unique-id>"),
            (#"(secret access key: +)\S+"#, "$1<secret>"),
            (#"(user id: +)\S+"#, "$1<user-id>"),
            (#"\(request id [^)]*\)"#, "(request id <request-id>)"),
        ]
        for (pattern, template) in rules {
            result = result.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return result
    }
}
