import AWS
import CrossAccount
import Foundation
import HTTP
import Script
import Services

@testable import Shell

/// A session without network, with account `sec1` (111111111111) registered, that runs one line
/// and returns its stdout.
struct UXSessionFixture {
    /// The session.
    let session: Session
    /// Where output lands.
    let capture = UXCapture()

    /// Creates the session.
    /// - Throws: when the account id is malformed (never).
    init() throws {
        let factory = ClientFactory(
            context: ClientContext(transport: UXNoNetwork()),
            endpoints: EndpointResolver(commandLineURL: nil, environment: Environment([:])))
        session = Session(
            environment: Environment([:]), factory: factory, output: capture.output,
            prompter: ScriptedSecretPrompter(answers: [:]))
        let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "test-only", source: .profile("t"))
        session.register(
            Account(
                alias: "sec1", id: try AccountID("111111111111"), principalARN: "arn:aws:iam::111111111111:user/a",
                region: "eu-west-1", credentials: StaticCredentialProvider(credentials), source: .profile("t"),
                factory: factory))
    }

    /// Runs `line`; returns what it printed on stdout.
    /// - Throws: the `ShellError` it failed with.
    func run(_ line: String) async throws -> String {
        let source = Source(name: "test", text: line)
        let statements = try Parser.parse(source)
        let interpreter = Interpreter(session: session, table: .standard)
        let scope = Scope(directory: "/nonexistent", output: capture.output)
        let before = capture.out
        _ = try await interpreter.run(statements, source: source, scope: scope)
        return String(capture.out.dropFirst(before.count))
    }
}

/// A transport that refuses every request: these tests must not reach a network.
struct UXNoNetwork: HTTPTransport {
    /// The request a test tried to send.
    enum Refused: Error { case request(String) }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw Refused.request(request.url)
    }
}
