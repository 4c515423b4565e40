import AWS
import CrossAccount
import Foundation
import HTTP
import Locking
import Script
import Services

@testable import Shell

/// A session with no network (every request fails), output captured in memory, and fake
/// accounts registered without calling AWS: enough for binding, checking and rendering.
final class ShellFixture: Sendable {
    /// The session under test.
    let session: Session
    /// The interpreter over the standard command table.
    let interpreter: Interpreter
    /// Where output lands.
    let output: Output

    /// Creates a fixture with `environment` as the process environment.
    init(environment: [String: String] = [:]) {
        let output = Output(colorOut: false, colorErr: false, errIsTerminal: false) { _, _ in }
        self.output = output
        let context = ClientContext(transport: OfflineTransport())
        let factory = ClientFactory(
            context: context, endpoints: EndpointResolver(commandLineURL: nil, environment: Environment([:])))
        session = Session(
            environment: Environment(environment), factory: factory, output: output,
            prompter: ScriptedSecretPrompter(answers: [:]))
        interpreter = Interpreter(session: session, table: .standard)
    }

    /// Registers an account under `alias` without calling AWS.
    func addAccount(_ alias: String, id: String = "111111111111") throws {
        let credentials = Credentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "not-a-secret-test-value", source: .profile("test"))
        session.register(
            Account(
                alias: alias, id: try AccountID(id), principalARN: "arn:aws:iam::\(id):user/admin",
                region: "eu-west-1", credentials: StaticCredentialProvider(credentials), source: .profile("test"),
                factory: session.factory))
    }

    /// A scope whose output goes to `sink`, rooted at `directory`.
    func scope(directory: String = "/nonexistent", sink: OutputSink) -> Scope {
        Scope(directory: directory, output: sink.output)
    }

    /// Parses `text` as the script `name`.
    func parse(_ text: String, name: String = "test.s3x") throws -> (Source, [Statement]) {
        let source = Source(name: name, text: text)
        return (source, try Parser.parse(source))
    }

    /// Parses and validates `text`; returns the rendered diagnostic (no colour) or nil when valid.
    func validationError(_ text: String, directory: String = "/nonexistent") throws -> String? {
        let (source, statements) = try parse(text)
        let sink = OutputSink()
        var scope = scope(directory: directory, sink: sink)
        scope.includeStack = [(directory as NSString).appendingPathComponent("test.s3x")]
        do {
            try interpreter.validate(statements, source: source, scope: scope)
            return nil
        } catch {
            interpreter.report(error, source: source, scope: scope)
            return String(sink.err.dropLast())
        }
    }

    /// Binds one command line; returns the invocation or throws the usage error.
    func bind(_ line: String) throws -> Invocation {
        let (source, statements) = try parse(line)
        guard case .command(let command) = statements.first else {
            throw FixtureError.notACommand
        }
        return try interpreter.bind(command, source: source, scope: scope(sink: OutputSink()))
    }

    /// The rendered diagnostic of binding `line` (no colour), or nil when it binds.
    func bindError(_ line: String) throws -> String? {
        let source = Source(name: "test.s3x", text: line)
        do {
            _ = try bind(line)
            return nil
        } catch let error as ShellError {
            return DiagnosticPrinter(output: output, format: .text).lines(error, source: source, interactive: false)
                .joined(separator: "\n")
        }
    }

    /// Why a fixture call could not go on.
    enum FixtureError: Error {
        case notACommand
    }
}

/// Collects what an `Output` writes, per stream.
final class OutputSink: Sendable {
    private let text = Locked<(out: String, err: String)>(("", ""))

    /// The output writing here, without colour.
    var output: Output {
        Output(colorOut: false, colorErr: false, errIsTerminal: false) { [self] stream, piece in
            text.withLock { value in
                if stream == .out { value.out += piece } else { value.err += piece }
            }
        }
    }

    /// Everything written to stdout.
    var out: String { text.withLock { $0.out } }
    /// Everything written to stderr.
    var err: String { text.withLock { $0.err } }
}

/// A transport that refuses every request: unit tests must never reach the network.
struct OfflineTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw OfflineError.refused(request.url)
    }

    /// The request a unit test tried to send.
    enum OfflineError: Error {
        case refused(String)
    }
}
