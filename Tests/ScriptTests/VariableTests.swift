import Script
import Testing

/// `${name}` in every position a word can hold it, and the names the language accepts.
@Suite struct VariableTests {
    @Test(arguments: [
        ("${a}", ["⟨a⟩"]),
        ("x${a}y", ["x⟨a⟩y"]),
        ("${a}${b}", ["⟨a⟩⟨b⟩"]),
        ("\"${a}\"", ["⟨a⟩"]),
        ("\"pre-${primary.id}-post\"", ["pre-⟨primary.id⟩-post"]),
        ("'q'${a}\"${b}\"", ["q⟨a⟩⟨b⟩"]),
        ("--bucket=${bucket}", ["--bucket=⟨bucket⟩"]),
        ("${env.HOME}", ["⟨env.HOME⟩"]),
        ("${1}", ["⟨1⟩"]),
        ("${42}", ["⟨42⟩"]),
        ("${args}", ["⟨args⟩"]),
        ("${a-b_c}", ["⟨a-b_c⟩"]),
        ("${_x}", ["⟨_x⟩"]),
        ("${a.b-c.1}", ["⟨a.b-c.1⟩"]),
        ("${a} ${b}", ["⟨a⟩", "⟨b⟩"]),
        ("'${a}'", ["${a}"]),
        ("\\${a}", ["${a}"]),
        ("\"\\${a}\"", ["${a}"]),
        ("$a ${b}", ["$a", "⟨b⟩"]),
        ("$ {a}", ["$", "{a}"]),
        ("\"$ ${a} $\"", ["$ ⟨a⟩ $"]),
        ("${a}#x", ["⟨a⟩#x"]),
        ("${a};${b}", ["⟨a⟩"]),
    ])
    func positions(input: String, expected: [String]) throws {
        #expect(try ScriptTestSupport.words(input).first == expected)
    }

    @Test func variableLocationsPointAtTheDollar() throws {
        let commands = try ScriptTestSupport.commands("echo x${name}\n  \"caf\u{E9} ${b}\" \\\n ${c}")
        let variables = commands.flatMap(\.words).flatMap(\.parts).compactMap { part -> Script.SourceLocation? in
            guard case .variable(_, let location) = part else { return nil }
            return location
        }
        #expect(variables == [ScriptTestSupport.at(1, 7), ScriptTestSupport.at(2, 9), ScriptTestSupport.at(3, 2)])
    }

    @Test(arguments: [
        ("${}", ""), ("${1a}", "1a"), ("${a b}", "a b"), ("${a.}", "a."), ("${.a}", ".a"),
        ("${a..b}", "a..b"), ("${-a}", "-a"), ("${caf\u{E9}}", "caf\u{E9}"), ("${a$}", "a$"),
        ("${ a}", " a"), ("\"${a\"}\"", "a\""), ("${${a}}", "${a"),
    ])
    func invalidNames(input: String, name: String) throws {
        let error = try #require(ScriptTestSupport.error("echo " + input))
        #expect(error.kind == .invalidVariableName(name))
        #expect(error.location == ScriptTestSupport.at(1, input.hasPrefix("\"") ? 7 : 6))
    }

    @Test(arguments: ["${", "${a", "\"${a\"", "${a\n}", "x${abc def"])
    func unterminated(input: String) throws {
        let error = try #require(ScriptTestSupport.error(input))
        #expect(error.kind == .unterminatedVariable)
        #expect(error.location.line == 1)
        #expect(!error.isIncomplete)
    }

    @Test(arguments: [
        ("a", true), ("A_b-c", true), ("_", true), ("1", true), ("007", true), ("args", true),
        ("primary.id", true), ("env.HOME", true), ("a.1", true), ("a.b.c", true), ("a.-", true),
        ("", false), ("1a", false), ("-a", false), ("a.", false), ("a b", false), ("\u{E9}", false),
        ("a.\u{E9}", false), (".", false),
    ])
    func nameRule(name: String, valid: Bool) {
        #expect(VariableName.isValid(name) == valid)
    }
}
