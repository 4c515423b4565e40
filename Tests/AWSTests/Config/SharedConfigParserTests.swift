import AWS
import Testing

/// The INI dialect of `~/.aws/config` and `~/.aws/credentials`.
@Suite struct SharedConfigParserTests {
    private typealias Section = SharedConfigParser.Section

    @Test func sectionsKeysAndValues() throws {
        let text = "[default]\nregion = us-east-1\n\n[profile dev]\nregion=eu-west-1\noutput =  json  \n"
        let sections = try SharedConfigParser.parse(text, file: "config")
        #expect(sections.map(\.header) == ["default", "profile dev"])
        #expect(sections[0].values == ["region": "us-east-1"])
        #expect(sections[1].values == ["region": "eu-west-1", "output": "json"])
    }

    @Test func fullLineAndInlineCommentsAreDropped() throws {
        let text = """
            # a comment
            ; another
            [default]
              # indented comment
            region = us-east-1 # inline
            output = json ; inline too
            role_arn = arn:aws:iam::123456789012:role/a#b
            """
        let sections = try SharedConfigParser.parse(text, file: "config")
        #expect(sections.count == 1)
        #expect(
            sections[0].values == [
                "region": "us-east-1", "output": "json", "role_arn": "arn:aws:iam::123456789012:role/a#b",
            ])
    }

    @Test func indentedLinesBelowAnEmptyKeyFormASubsection() throws {
        let text = """
            [profile dev]
            s3 =
              addressing_style = path
              max_concurrent_requests = 4
            region = us-west-2
            sts =
                endpoint_url = http://127.0.0.1:5000
            """
        let section = try #require(try SharedConfigParser.parse(text, file: "config").first)
        #expect(section.values == ["region": "us-west-2"])
        #expect(
            section.subsections == [
                "s3": ["addressing_style": "path", "max_concurrent_requests": "4"],
                "sts": ["endpoint_url": "http://127.0.0.1:5000"],
            ])
    }

    @Test func windowsLineEndingsAndLaterDuplicates() throws {
        let sections = try SharedConfigParser.parse("[default]\r\nregion = a\r\nregion = b\r\n", file: "f")
        #expect(sections[0].values == ["region": "b"])
    }

    @Test(arguments: [
        ("region = us-east-1\n", 1, "a setting must follow a [section] header"),
        ("[default]\n\n[profile dev\n", 3, "a section header must look like [name]"),
        ("[]\n", 1, "a section header must look like [name]"),
        ("[default]\nregion us-east-1\n", 2, "expected 'key = value'"),
        ("[default]\nregion = a\n = b\n", 3, "a setting has no name before '='"),
    ])
    func malformedLinesNameFileAndLine(text: String, line: Int, reason: String) {
        let error = #expect(throws: SharedConfigError.self) { try SharedConfigParser.parse(text, file: "/h/config") }
        #expect(error == .syntax(file: "/h/config", line: line, reason: reason))
        #expect(error?.description == "/h/config:\(line): \(reason)")
    }
}
