import Script
import Testing

/// Expansion of `${name}` through the shell's resolver.
@Suite struct ExpanderTests {
    static let values = ["bucket": "prisma saas", "primary.id": "111111111111", "1": "first", "empty": ""]
    let expander = Expander { name in ExpanderTests.values[name] }

    @Test(arguments: [
        ("${bucket}", "prisma saas"),
        ("\"prisma-saas-s3-${primary.id}\"", "prisma-saas-s3-111111111111"),
        ("x${empty}y", "xy"),
        ("${1}${1}", "firstfirst"),
        ("'${bucket}'", "${bucket}"),
        ("plain", "plain"),
    ])
    func expandsWords(input: String, expected: String) throws {
        let word = try #require(try ScriptTestSupport.commands(input).first?.words.first)
        #expect(try expander.expand(word) == expected)
    }

    @Test func valuesAreNotSplitOrReparsed() throws {
        let tricky = Expander { _ in "a b \"c\" ${d} ;" }
        let command = try #require(try ScriptTestSupport.commands("set x ${v}").first)
        #expect(try tricky.expand(command) == ["set", "x", "a b \"c\" ${d} ;"])
    }

    @Test func unknownVariablePointsAtItsDollar() throws {
        let source = ScriptTestSupport.source("echo ok\nbucket create \"s3-${nope}\"")
        let statements = try Parser.parse(source)
        guard case .command(let command) = statements.last else {
            Issue.record("expected a command")
            return
        }
        var thrown: ScriptError?
        do throws(ScriptError) {
            _ = try expander.expand(command)
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(error.kind == .unknownVariable("nope"))
        #expect(error.location == ScriptTestSupport.at(2, 19))
        #expect(!error.isIncomplete)
        let expected = """
            t.s3x:2:19: error: unknown variable 'nope'
                bucket create "s3-${nope}"
                                  ^
            """
        #expect(error.attachingLine(from: source).description == expected)
    }

    @Test func secretValuesNeverReachErrors() throws {
        let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        let expander = Expander { name in name == "secret" ? secret : nil }
        let command = try #require(try ScriptTestSupport.commands("use ${secret} ${missing}").first)
        do throws(ScriptError) {
            _ = try expander.expand(command)
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains(secret))
            #expect(error.kind == .unknownVariable("missing"))
        }
    }
}
