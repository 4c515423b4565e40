import CrossAccount
import Foundation
import Script

/// Renders a `Report` as one line of JSON with the documented, stable shape (docs/output.md):
/// `{"command", "account", "resource", "outcome", "succeeded", "fields", "changes", "calls",
/// "diff", "table": {"columns", "rows"}, "secrets"}`; absent parts are omitted. Keys are sorted.
enum ReportJSON {
    /// The JSON text of `report`, keys sorted.
    static func render(_ report: Report) -> String {
        var object: [String: Any] = ["command": report.command, "succeeded": report.succeeded]
        if let account = report.account { object["account"] = account }
        if let resource = report.resource { object["resource"] = resource }
        if let outcome = report.outcome { object["outcome"] = outcome.rawValue }
        if !report.fields.isEmpty { object["fields"] = dictionary(report.fields) }
        if !report.changes.isEmpty { object["changes"] = report.changes }
        if !report.calls.isEmpty { object["calls"] = report.calls }
        if !report.diff.isEmpty { object["diff"] = report.diff }
        if let table = report.table {
            object["table"] = ["columns": table.columns, "rows": table.rows] as [String: Any]
        }
        if !report.secrets.isEmpty { object["secrets"] = dictionary(report.secrets) }
        return encode(object)
    }

    /// What a JSON error object holds.
    struct ErrorObject {
        /// `usage`, `syntax`, `failed` or `interrupted`.
        var kind: String
        /// The command that failed, if one ran.
        var command: String?
        /// The account (alias and id) it failed in.
        var account: String?
        /// What went wrong.
        var message: String
        /// The next step, when one is known.
        var hint: String?
        /// Where in the script.
        var location: Script.SourceLocation?
    }

    /// JSON for an error: `{"error", "kind", "command", "account", "hint", "file", "line", "column",
    /// "succeeded": false}`; absent parts are omitted.
    static func error(_ error: ErrorObject) -> String {
        var object: [String: Any] = ["succeeded": false, "error": error.message, "kind": error.kind]
        if let command = error.command { object["command"] = command }
        if let account = error.account { object["account"] = account }
        if let hint = error.hint { object["hint"] = hint }
        if let location = error.location {
            object["file"] = location.file
            object["line"] = location.line
            object["column"] = location.column
        }
        return encode(object)
    }

    /// JSON for an error without a kind or location: `{"command", "account", "error", "hint",
    /// "succeeded": false}`.
    static func error(command: String?, account: String?, message: String, hint: String?) -> String {
        var object: [String: Any] = ["succeeded": false, "error": message]
        if let command { object["command"] = command }
        if let account { object["account"] = account }
        if let hint { object["hint"] = hint }
        return encode(object)
    }

    /// JSON for a command's plain text: `{"command", "lines", "succeeded": true}`.
    static func text(command: String, lines: [String]) -> String {
        encode(["command": command, "lines": lines, "succeeded": true])
    }

    private static func dictionary(_ fields: [Report.Field]) -> [String: String] {
        Dictionary(fields.map { ($0.name.replacingOccurrences(of: " ", with: "_"), $0.value) }) { _, last in last }
    }

    private static func encode(_ object: [String: Any]) -> String {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: options) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
