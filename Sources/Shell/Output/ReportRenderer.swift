import CrossAccount

/// Renders a `Report` as human text.
///
/// ```
/// role create prisma-saas-s3-cross-account-access-role [sec1]: created
///   - trust admits account 123456789012
///   role arn: arn:aws:iam::111111111111:role/prisma-saas-s3-cross-account-access-role
/// ```
struct ReportRenderer {
    /// Styles text when the output allows colour.
    var output: Output

    /// The lines of `report`.
    func lines(_ report: Report) -> [String] {
        var lines: [String] = []
        if let header = header(report) { lines.append(header) }
        let indent = lines.isEmpty ? "" : "  "
        lines += report.changes.map { "\(indent)- \($0)" }
        lines += aligned(report.fields).map { indent + $0 }
        let isPlan = [.wouldCreate, .wouldUpdate, .wouldRemove].contains(report.outcome)
        if isPlan && !report.calls.isEmpty {
            lines.append("\(indent)would call:")
            lines += report.calls.map { "\(indent)  \($0)" }
        }
        // A created document is all additions: its diff says nothing a plan did not.
        if !report.diff.isEmpty && (isPlan || report.outcome == .updated) {
            lines += report.diff.map { indent + "  " + styledDiffLine($0) }
        }
        if let table = report.table {
            lines += TableRenderer(output: output).lines(table).map { indent + $0 }
        }
        if !report.secrets.isEmpty {
            lines.append(indent + output.styled("shown once, never stored or recorded; note it now:", .yellow))
            lines += aligned(report.secrets).map { indent + "  " + $0 }
        }
        return lines
    }

    private func header(_ report: Report) -> String? {
        guard report.outcome != nil || report.resource != nil || report.account != nil else { return nil }
        var text = report.command
        if let resource = report.resource { text += " \(resource)" }
        if let account = report.account { text += " [\(account)]" }
        guard let outcome = report.outcome else { return text }
        return text + ": " + output.styled(outcome.rawValue, style(for: outcome))
    }

    private func style(for outcome: Report.Outcome) -> Output.Style {
        switch outcome {
        case .created, .removed: .green
        case .updated: .yellow
        case .unchanged: .dim
        case .wouldCreate, .wouldUpdate, .wouldRemove: .cyan
        }
    }

    private func styledDiffLine(_ line: String) -> String {
        if line.hasPrefix("+") { return output.styled(line, .green) }
        if line.hasPrefix("-") { return output.styled(line, .red) }
        return line
    }

    private func aligned(_ fields: [Report.Field]) -> [String] {
        let width = fields.map(\.name.count).max() ?? 0
        return fields.map { field in
            let label = field.name + ":" + String(repeating: " ", count: width - field.name.count)
            return "\(label) \(field.value)"
        }
    }
}

/// Renders a table with aligned columns; a `status` column is coloured.
struct TableRenderer {
    /// Styles text when the output allows colour.
    var output: Output

    /// The lines of `table`: heading, then rows.
    func lines(_ table: Report.Table) -> [String] {
        var widths = table.columns.map(\.count)
        for row in table.rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        let statusColumn = table.columns.firstIndex(of: "status")
        func render(_ cells: [String], heading: Bool) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() where index < widths.count {
                let isLast = index == widths.count - 1
                let padded = isLast ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
                if heading {
                    parts.append(output.styled(padded, .bold))
                } else if index == statusColumn {
                    parts.append(output.styled(padded, cell == "ok" ? .green : cell == "FAIL" ? .red : .yellow))
                } else {
                    parts.append(padded)
                }
            }
            return parts.joined(separator: "  ")
        }
        return [render(table.columns, heading: true)] + table.rows.map { render($0, heading: false) }
    }
}
