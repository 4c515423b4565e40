import Testing

@testable import Shell

/// Binding words to the command table: every malformed command is refused with a located
/// message before anything runs.
@Suite struct ArgumentBinderTests {
    let fixture = ShellFixture()

    @Test func unknownCommandSuggestsTheClosestOne() throws {
        #expect(
            try fixture.bindError("acount add x") == """
                test.s3x:1:1: error: unknown command 'acount'
                    acount add x
                    ^
                    hint: did you mean account?
                """)
    }

    @Test func unknownVerbSuggestsTheClosestVerbOfTheNoun() throws {
        #expect(
            try fixture.bindError("bucket craete b") == """
                test.s3x:1:8: error: unknown command 'bucket craete'
                    bucket craete b
                           ^
                    hint: did you mean bucket create?
                """)
    }

    @Test func farOffCommandPointsAtHelp() throws {
        #expect(
            try fixture.bindError("frobnicate") == """
                test.s3x:1:1: error: unknown command 'frobnicate'
                    frobnicate
                    ^
                    hint: type 'help' for the list of commands
                """)
    }

    @Test func nounAloneListsItsVerbs() throws {
        #expect(
            try fixture.bindError("trail") == """
                test.s3x:1:1: error: 'trail' needs a verb: create, show, status
                    trail
                    ^
                """)
    }

    @Test func unknownOptionSuggestsTheClosestOption() throws {
        #expect(
            try fixture.bindError("bucket create b --cloudtrial") == """
                test.s3x:1:17: error: bucket create has no option --cloudtrial
                    bucket create b --cloudtrial
                                    ^
                    hint: did you mean --cloudtrail?
                """)
    }

    @Test func missingRequiredOptionShowsTheUsage() throws {
        #expect(
            try fixture.bindError("trail create t") == """
                test.s3x:1:1: error: trail create needs --bucket BUCKET
                    trail create t
                    ^
                    hint: usage: trail create NAME --bucket BUCKET [--all-regions] [--data-events all|B1,B2]
                """)
    }

    @Test func missingArgumentNamesIt() throws {
        #expect(
            try fixture.bindError("user create") == """
                test.s3x:1:1: error: user create needs NAME (the user name)
                    user create
                    ^
                    hint: usage: user create NAME [--access-key]
                """)
    }

    @Test func optionWithoutItsValueIsRefused() throws {
        #expect(
            try fixture.bindError("trail create t --bucket") == """
                test.s3x:1:16: error: --bucket needs a value (BUCKET)
                    trail create t --bucket
                                   ^
                """)
    }

    @Test func flagRefusesAValue() throws {
        #expect(
            try fixture.bindError("user create u --access-key=yes") == """
                test.s3x:1:15: error: --access-key takes no value
                    user create u --access-key=yes
                                  ^
                """)
    }

    @Test func equalsAndSpaceFormsBindTheSameValues() throws {
        let spaced = try fixture.bind("trail create t --bucket logs --data-events all --all-regions")
        let joined = try fixture.bind("trail create t --bucket=logs --data-events=all --all-regions")
        for invocation in [spaced, joined] {
            #expect(invocation.spec.name == "trail create")
            #expect(invocation.argument(0) == "t")
            #expect(invocation.value("bucket") == "logs")
            #expect(invocation.value("data-events") == "all")
            #expect(invocation.flag("all-regions"))
            #expect(!invocation.flag("dry-run"))
        }
    }

    @Test func listOptionTakesWordsUpToTheNextOption() throws {
        try fixture.addAccount("sec1")
        try fixture.addAccount("sec2", id: "222222222222")
        let invocation = try fixture.bind(
            "policy create p --preset primary --assume-into sec1 sec2 333333333333 --user scanner")
        #expect(invocation.values("assume-into") == ["sec1", "sec2", "333333333333"])
        #expect(invocation.value("user") == "scanner")
        #expect(invocation.value("preset") == "primary")
    }

    @Test func integerValuesAreChecked() throws {
        #expect(
            try fixture.bindError("exit abc") == """
                test.s3x:1:6: error: CODE must be a whole number, not 'abc'
                    exit abc
                         ^
                """)
        #expect(
            try fixture.bindError("each a --jobs many") == """
                test.s3x:1:15: error: --jobs must be a whole number, not 'many'
                    each a --jobs many
                                  ^
                """)
        #expect(try fixture.bind("exit 3").argument(0) == "3")
    }

    @Test func durationValuesAreChecked() throws {
        try fixture.addAccount("primary", id: "123456789012")
        let line = "role assume arn:aws:iam::111111111111:role/R --as s --duration 5x"
        let caret = String(repeating: " ", count: 4 + 63) + "^"
        #expect(
            try fixture.bindError(line) == """
                test.s3x:1:64: error: --duration must be a duration such as 1h, 45m or 900s, not '5x'
                    \(line)
                \(caret)
                """)
        let valid = try fixture.bind("role assume arn:aws:iam::111111111111:role/R --as s --duration 45m")
        #expect(valid.value("duration") == "45m")
    }

    @Test func choiceValuesAreChecked() throws {
        #expect(
            try fixture.bindError("whoami --output yaml") == """
                test.s3x:1:17: error: --output must be one of text, json, not 'yaml'
                    whoami --output yaml
                                    ^
                """)
    }

    @Test func unknownAliasSuggestsAKnownOne() throws {
        try fixture.addAccount("sec1")
        #expect(
            try fixture.bindError("whoami --in sekc1") == """
                test.s3x:1:13: error: unknown account alias 'sekc1'
                    whoami --in sekc1
                                ^
                    hint: did you mean sec1?
                """)
    }

    @Test func unknownAliasWithNoAccountsSaysToAddOne() throws {
        #expect(
            try fixture.bindError("account use nobody") == """
                test.s3x:1:13: error: unknown account alias 'nobody'
                    account use nobody
                                ^
                    hint: add one first: account add ALIAS
                """)
    }

    @Test func doubleDashEndsTheOptions() throws {
        let invocation = try fixture.bind("echo -- --not-an-option x")
        #expect(invocation.arguments(from: 0) == ["--not-an-option", "x"])
        #expect(invocation.options.isEmpty)
    }

    @Test func extraArgumentsAreRefused() throws {
        #expect(
            try fixture.bindError("account list extra") == """
                test.s3x:1:14: error: account list takes no further argument 'extra'
                    account list extra
                                 ^
                    hint: usage: account list
                """)
    }

    @Test func suggestionsStayWithinATypoDistance() {
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.closest(to: "chek", among: ["check", "echo"]) == "check")
        #expect(Suggestion.closest(to: "zzzzzz", among: ["check", "echo"]) == nil)
    }

    @Test func durationsParse() {
        #expect(DurationValue.seconds("1h") == 3600)
        #expect(DurationValue.seconds("45m") == 2700)
        #expect(DurationValue.seconds("900s") == 900)
        #expect(DurationValue.seconds("900") == 900)
        #expect(DurationValue.seconds("0m") == nil)
        #expect(DurationValue.seconds("h") == nil)
    }
}
