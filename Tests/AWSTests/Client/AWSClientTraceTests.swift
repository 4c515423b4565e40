import AWS
import HTTP
import SigV4
import Testing

/// The client's trace records hold no secret access key, session token or signature.
@Suite struct AWSClientTraceTests {
    private static let assumedSecret = "NEWSECRETfromSTS/0123456789abcdef"
    private static let assumedToken = "NEWTOKENfromSTS+zyxwvu=="

    @Test func tracesNeverShowSecrets() async throws {
        let reply = """
            <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIANEW</AccessKeyId>
            <SecretAccessKey>\(Self.assumedSecret)</SecretAccessKey><SessionToken>\(Self.assumedToken)</SessionToken>
            </Credentials></AssumeRoleResult></AssumeRoleResponse>
            """
        let transport = ScriptedTransport([.status(503), .status(200, reply)])
        let collector = LogCollector()
        let known = Fixtures.temporaryCredentials
        let client = Fixtures.client(
            transport, credentials: StaticCredentialProvider(known), logger: collector.logger())
        let result = try await client.query(
            action: "AssumeRole", version: "2011-06-15",
            parameters: [("RoleArn", "arn:aws:iam::123456789012:role/scanner"), ("RoleSessionName", "s3x")],
            isMutating: false)
        #expect(result.text(at: "Credentials", "SecretAccessKey") == Self.assumedSecret)

        let signatures = transport.requests.compactMap { request -> String? in
            guard let authorization = request.headers["Authorization"] else { return nil }
            return authorization.components(separatedBy: "Signature=").last
        }
        #expect(signatures.count == 2)
        #expect(signatures.allSatisfy { $0.count == 64 })
        let lines = collector.all
        #expect(lines.filter { $0.hasPrefix("trace request ") }.count == 2)
        #expect(lines.filter { $0.hasPrefix("trace response ") }.count == 2)
        #expect(lines.contains { $0.hasPrefix("debug retrying operation=AssumeRole attempt=2") })
        #expect(lines.contains { $0.contains(" Authorization=<redacted> ") })
        #expect(lines.contains { $0.contains(" X-Amz-Security-Token=<redacted> ") })
        let secrets = [known.secretAccessKey, known.sessionToken ?? "", Self.assumedSecret, Self.assumedToken]
        for line in lines {
            for secret in secrets + signatures {
                #expect(!line.contains(secret), "a trace line shows a secret: \(line)")
            }
        }
    }

    @Test func noTraceIsBuiltWhenTheLoggerIsOff() async throws {
        let collector = LogCollector()
        let transport = ScriptedTransport([.status(200, "<R/>")])
        let client = Fixtures.client(transport, logger: collector.logger(level: .debug))
        _ = try await client.send(Fixtures.request)
        #expect(collector.all.isEmpty)
    }
}
