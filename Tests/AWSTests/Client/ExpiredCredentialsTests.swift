import AWS
import Locking
import Testing

/// An expired-credential error makes the client drop its cached credentials and try once more.
@Suite struct ExpiredCredentialsTests {
    /// Hands out `AKIDOLD` until invalidated, then `AKIDNEW`, counting invalidations.
    final class RotatingProvider: CredentialProvider {
        private let invalidations = Locked(0)

        var invalidationCount: Int { invalidations.withLock { $0 } }

        func credentials() async throws -> Credentials {
            let key = invalidations.withLock { $0 } == 0 ? "AKIDOLD" : "AKIDNEW"
            return Credentials(accessKeyID: key, secretAccessKey: "secret-\(key)", source: .prompt)
        }

        func invalidate() async {
            invalidations.withLock { $0 += 1 }
        }
    }

    private static func signingKey(_ transport: ScriptedTransport, _ index: Int) -> String? {
        guard let authorization = transport.requests[index].headers["Authorization"] else { return nil }
        return authorization.contains("Credential=AKIDNEW/") ? "AKIDNEW" : "AKIDOLD"
    }

    @Test(arguments: ["ExpiredToken", "ExpiredTokenException", "RequestExpired"])
    func theProviderIsInvalidatedAndTheRequestSentAgain(code: String) async throws {
        let provider = RotatingProvider()
        let transport = ScriptedTransport([.status(400, Fixtures.queryError(code)), .status(200, "<R/>")])
        let clock = TestClock()
        let response = try await Fixtures.client(transport, clock: clock, credentials: provider).send(Fixtures.request)
        #expect(response.status == 200)
        #expect(provider.invalidationCount == 1)
        #expect(transport.attempts == 2)
        #expect(Self.signingKey(transport, 0) == "AKIDOLD")
        #expect(Self.signingKey(transport, 1) == "AKIDNEW")
        #expect(clock.waits.isEmpty)
    }

    @Test func aSecondExpiryIsReportedNotRetried() async {
        let provider = RotatingProvider()
        let transport = ScriptedTransport([], fallback: .status(400, Fixtures.queryError("ExpiredToken")))
        let client = Fixtures.client(transport, credentials: provider)
        let error = await #expect(throws: AWSError.self) { try await client.send(Fixtures.request) }
        #expect(error?.code == "ExpiredToken")
        #expect(provider.invalidationCount == 1)
        #expect(transport.attempts == 2)
    }
}
