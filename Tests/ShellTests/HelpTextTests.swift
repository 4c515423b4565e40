import Testing

@testable import Shell

/// `help` is generated from the command table, so it names every command.
@Suite struct HelpTextTests {
    let help = HelpText(table: .standard)

    @Test func overviewListsEveryCommandOfTheTable() {
        let lines = help.overview()
        for spec in CommandTable.standard.commands {
            let listed = lines.contains { $0.hasPrefix("  \(spec.name) ") && $0.hasSuffix(spec.summary) }
            #expect(listed, "help does not list \(spec.name)")
        }
        #expect(lines.first == "s3x sets up and checks cross-account S3 scanning. Commands:")
    }

    @Test func nounVerbShowsUsageAndOptions() throws {
        let lines = try help.render(["trail", "create"])
        #expect(lines.first == "usage: trail create NAME --bucket BUCKET [--all-regions] [--data-events all|B1,B2]")
        #expect(lines.contains("Options:"))
        #expect(lines.contains { $0.hasPrefix("  --bucket BUCKET ") && $0.hasSuffix("where logs go") })
        #expect(lines.contains { $0.hasPrefix("  --all-regions ") })
        #expect(lines.contains { $0.hasPrefix("  --in ALIAS ") })
        #expect(lines.contains { $0.hasPrefix("  --dry-run ") })
        #expect(lines.contains("Arguments:"))
        #expect(lines.contains("Examples:"))
    }

    @Test func everyCommandHasADetailPage() throws {
        for spec in CommandTable.standard.commands {
            let lines = try help.render(spec.path)
            #expect(lines.first == "usage: \(spec.usage)")
            #expect(lines.contains(spec.summary))
        }
    }

    @Test func nounAloneListsItsCommands() throws {
        let lines = try help.render(["account"])
        #expect(
            lines.first
                == "account add ALIAS [--profile NAME] [--region REGION] [--access-key-id ID] [--mfa-serial ARN]")
        #expect(lines.filter { !$0.hasPrefix(" ") }.count == CommandTable.standard.verbs(of: "account").count)
    }

    @Test func unknownCommandSuggestsOne() {
        #expect(throws: ShellError.self) { try help.render(["bukcet", "create"]) }
        do {
            _ = try help.render(["bukcet", "create"])
        } catch {
            guard case .usage(let message, _, let hint) = error else {
                Issue.record("expected a usage error, got \(error)")
                return
            }
            #expect(message == "no command 'bukcet create'")
            #expect(hint == "did you mean: help bucket create?")
        }
    }
}
