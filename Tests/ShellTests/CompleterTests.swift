import LineEditing
import Testing

@testable import Shell

/// TAB completion drawn from the command table and the session.
@Suite struct CompleterTests {
    let fixture = ShellFixture()

    private func complete(_ line: String) -> [String] {
        Completer(table: .standard, session: fixture.session).candidates(CompletionContext(lineBeforeCursor: line))
    }

    @Test func firstWordsComeFromTheTable() {
        #expect(complete("acc") == ["account"])
        #expect(complete("b") == ["bucket"])
        #expect(Set(complete("")) == Set(CommandTable.standard.firstWords))
        #expect(complete("zz") == [])
    }

    @Test func verbsOfANoun() {
        #expect(complete("account ") == ["add", "list", "use", "show", "remove"])
        #expect(complete("account u") == ["use"])
        #expect(complete("trail s") == ["show", "status"])
    }

    @Test func optionsOfTheCommand() {
        #expect(complete("trail create t --b") == ["--bucket"])
        #expect(complete("user create u --") == ["--access-key", "--in", "--output", "--dry-run"])
    }

    @Test func aliasesWhereAnAccountIsExpected() throws {
        try fixture.addAccount("sec1")
        try fixture.addAccount("sec2", id: "222222222222")
        try fixture.addAccount("primary", id: "123456789012")
        #expect(complete("whoami --in s") == ["sec1", "sec2"])
        #expect(complete("account use ") == ["primary", "sec1", "sec2"])
        #expect(complete("bucket allow-prefix logs p") == ["primary"])
    }

    @Test func choicesOfAnOption() {
        #expect(complete("whoami --output j") == ["json"])
        #expect(complete("policy create p --preset s") == ["secondary"])
    }

    @Test func variablesInsideDollarBraces() throws {
        try fixture.addAccount("primary", id: "123456789012")
        fixture.session.withState { $0.variables["prefix"] = "x" }
        #expect(
            complete("echo ${pr") == [
                "${prefix}", "${primary.alias}", "${primary.arn}", "${primary.id}", "${primary.partition}",
                "${primary.region}",
            ])
        #expect(complete("set pre") == ["prefix"])
    }

    @Test func commandNamesAfterHelp() {
        #expect(complete("help ro") == ["role"])
    }

    @Test func fileNamesWhereAPathIsExpected() throws {
        let folder = try TemporaryFolder()
        try folder.write("setup.s3x", "")
        try folder.write("secondary.s3x", "")
        try folder.write(".hidden.s3x", "")
        try folder.write("other.txt", "")
        try folder.write("sub/ignored", "")
        #expect(
            complete("source \(folder.path)/s") == [
                "\(folder.path)/secondary.s3x", "\(folder.path)/setup.s3x", "\(folder.path)/sub/",
            ])
        #expect(complete("history --save \(folder.path)/o") == ["\(folder.path)/other.txt"])
        #expect(complete("source \(folder.path)/.h") == ["\(folder.path)/.hidden.s3x"])
    }
}
