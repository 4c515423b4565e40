import Testing

@testable import Shell

/// Where `${NAME}` values come from: locals, `set` variables, the environment, accounts.
@Suite struct VariablesTests {
    let fixture = ShellFixture(environment: ["HOME": "/home/tester", "EMPTY": ""])

    private func value(_ name: String, locals: [String: String] = [:]) -> String? {
        var scope = fixture.scope(sink: OutputSink())
        scope.locals = locals
        return Variables.value(of: name, scope: scope, session: fixture.session)
    }

    @Test func environmentIsReadableUnderEnv() {
        #expect(value("env.HOME") == "/home/tester")
        #expect(value("env.EMPTY") == "")
        #expect(value("env.NOT_SET") == nil)
        #expect(value("HOME") == nil)
    }

    @Test func accountFieldsAreReadableUnderTheAlias() throws {
        try fixture.addAccount("primary", id: "123456789012")
        #expect(value("primary.id") == "123456789012")
        #expect(value("primary.region") == "eu-west-1")
        #expect(value("primary.arn") == "arn:aws:iam::123456789012:user/admin")
        #expect(value("primary.partition") == "aws")
        #expect(value("primary.alias") == "primary")
        #expect(value("primary.secret") == nil)
        #expect(value("nobody.id") == nil)
    }

    @Test func localsComeBeforeSetVariables() {
        fixture.session.withState { $0.variables["bucket"] = "from-set" }
        #expect(value("bucket") == "from-set")
        #expect(value("bucket", locals: ["bucket": "local"]) == "local")
        #expect(value("1", locals: ["1": "first", "args": "first second"]) == "first")
        #expect(value("args", locals: ["1": "first", "args": "first second"]) == "first second")
        #expect(value("2", locals: ["1": "first"]) == nil)
    }

    @Test func expansionThroughTheInterpreterUsesThem() async throws {
        try fixture.addAccount("sec1", id: "111111111111")
        let sink = OutputSink()
        var scope = fixture.scope(sink: sink)
        scope.locals["1"] = "arg one"
        let code = await fixture.interpreter.runScript(
            .init(name: "t.s3x", text: "set b logs-${sec1.id}\necho ${b} \"${1}\" '${1}' ${env.HOME}\n"), scope: scope)
        #expect(code == .success)
        #expect(sink.out == "logs-111111111111 arg one ${1} /home/tester\n")
        #expect(sink.err == "")
    }

    @Test func setRefusesANameWithADot() async {
        let sink = OutputSink()
        let code = await fixture.interpreter.runScript(
            .init(name: "t.s3x", text: "set a.b value\n"), scope: fixture.scope(sink: sink))
        #expect(code == .usage)
        #expect(sink.err.hasPrefix("t.s3x:1:5: error: 'a.b' is not a variable name"))
    }
}
