import Foundation
import Testing

@testable import Shell

/// The generated docs are current: docs/commands.md and docs/s3x.1 equal what the command table
/// and `s3x --help` give now. `scripts/gen-docs` (S3X_UPDATE_DOCS=1) rewrites them instead.
@Suite struct UXDocsTests {
    /// The repository's root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let updating = ProcessInfo.processInfo.environment["S3X_UPDATE_DOCS"] == "1"

    @Test func commandReferenceIsCurrent() throws {
        try check("docs/commands.md", ReferenceDocs(table: .standard).markdown())
    }

    @Test func manPageIsCurrent() throws {
        try check("docs/s3x.1", ManPage(table: .standard).roff())
    }

    @Test func referenceAndManPageCoverEveryCommandAndOption() {
        let reference = ReferenceDocs(table: .standard).markdown()
        let man = ManPage(table: .standard).roff()
        for spec in CommandTable.standard.commands {
            #expect(reference.contains("\n## \(spec.name)\n"), "commands.md lacks \(spec.name)")
            #expect(reference.contains(HelpText(table: .standard).detail(spec).joined(separator: "\n")))
            #expect(man.contains(spec.summary.replacingOccurrences(of: "-", with: "\\-")), "s3x.1 lacks \(spec.name)")
        }
        for option in ["dry-run", "output", "endpoint-url", "keep-going", "echo", "verbose"] {
            #expect(
                man.contains("\\fB\\-\\-\(option.replacingOccurrences(of: "-", with: "\\-"))"),
                "s3x.1 lacks --\(option)")
        }
        #expect(man.contains(".SH EXIT STATUS\n0 ok; 1 a command failed;"))
    }

    @Test func architectureNamesEveryTargetAndEveryFolderItNamesExists() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let named = text.matches(of: /`(Sources\/[A-Za-z0-9\/]+\/)`/).map { String($0.output.1) }
        #expect(named.count > 10)
        for path in named {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: Self.root.appendingPathComponent(path).path, isDirectory: &isFolder)
            #expect(exists && isFolder.boolValue, "docs/architecture.md names \(path), which is not a folder")
        }
        let targets = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("Sources").path)
        for target in targets {
            #expect(
                named.contains { $0.hasPrefix("Sources/\(target)/") },
                "docs/architecture.md does not name Sources/\(target)/")
        }
    }

    @Test func fuzzPackageBuildsTheMainTargetsWithTheirDependencies() throws {
        // Fuzz/Package.swift restates the graph of the main targets it links; a dependency added to
        // one and not the other fails only the fuzz build, late in CI.
        let main = try Self.targetDependencies(in: "Package.swift")
        let fuzz = try Self.targetDependencies(in: "Fuzz/Package.swift")
        let linked = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("Sources").path
        ).filter { fuzz[$0] != nil }
        #expect(linked.count > 5)
        for target in linked {
            #expect(fuzz[target] == main[target], "Fuzz/Package.swift gives \(target) other dependencies")
        }
    }

    /// Each `.target(name:dependencies:)` of a package manifest, by name, with its dependencies sorted.
    private static func targetDependencies(in path: String) throws -> [String: [String]] {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        var targets: [String: [String]] = [:]
        for match in text.matches(of: /\.target\(\s*name: "([A-Za-z]+)"(?:,\s*dependencies: \[([^\]]*)\])?/) {
            let dependencies = (match.output.2.map(String.init) ?? "").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: ["\""]) }
                .filter { !$0.isEmpty }
            targets[String(match.output.1)] = dependencies.sorted()
        }
        return targets
    }

    /// Compares `path` with `expected`, or writes it when updating.
    private func check(_ path: String, _ expected: String) throws {
        let url = Self.root.appendingPathComponent(path)
        if Self.updating {
            try expected.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let current = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(current == expected, "\(path) is stale: run scripts/gen-docs")
    }
}
