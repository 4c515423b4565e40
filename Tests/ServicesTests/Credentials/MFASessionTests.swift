import AWS
import Foundation
import HTTP
import Services
import TestSupport
import Testing

/// MFA sessions over recorded STS replies: one code per session, reused by every role assumed
/// from it, asked for again only when the session nears its end. (moto issues session
/// credentials it does not itself accept once authentication is on, so the reuse is tested
/// here; `MFASessionEmulatorTests` covers GetSessionToken against the emulator.)
@Suite struct MFASessionTests {
    static let serial = "arn:aws:iam::123456789012:mfa/ada"
    static let longTerm = Credentials(
        accessKeyID: "AKIDLONGTERM", secretAccessKey: "lOnGtErMsEcReT/0123456789EXAMPLE", source: .profile("ada"))

    /// A `GetSessionToken` or `AssumeRole` reply whose credentials expire `minutes` after the clock's start.
    static func stsReply(_ action: String, key: String, token: String, minutes: Double = 60) -> HTTPResponse {
        let expiration = ISO8601.format(ManualClock.start.addingTimeInterval(minutes * 60))
        let user =
            action == "AssumeRole"
            ? "<AssumedRoleUser><Arn>arn:aws:sts::111111111111:assumed-role/Admin/s</Arn></AssumedRoleUser>" : ""
        return RecordedTransport.reply(
            200,
            "<\(action)Response><\(action)Result><Credentials><AccessKeyId>\(key)</AccessKeyId>"
                + "<SecretAccessKey>sEsSiOnSeCrEt\(key)</SecretAccessKey><SessionToken>\(token)</SessionToken>"
                + "<Expiration>\(expiration)</Expiration></Credentials>\(user)</\(action)Result></\(action)Response>")
    }

    static func factory(_ transport: RecordedTransport, clock: ManualClock) -> ClientFactory {
        let context = ClientContext(transport: transport, clock: clock.wallClock)
        return ClientFactory(context: context, endpoints: EndpointResolver(environment: Environment([:])))
    }

    static func body(_ request: HTTPRequest) -> String {
        String(decoding: request.body, as: UTF8.self)
    }

    @Test func oneCodeServesTheSessionAndEveryRoleAssumedFromIt() async throws {
        let transport = RecordedTransport([
            Self.stsReply("GetSessionToken", key: "ASIAMFA1", token: "MFATOKEN1", minutes: 720),
            Self.stsReply("AssumeRole", key: "ASIAROLE1", token: "ROLETOKEN1"),
            Self.stsReply("AssumeRole", key: "ASIAROLE2", token: "ROLETOKEN2"),
        ])
        let clock = ManualClock()
        let codes = CodeCounter()
        let factory = Self.factory(transport, clock: clock)
        let base = try factory.sts(region: "us-east-1", credentials: StaticCredentialProvider(Self.longTerm))
        let session = try await MFASession.start(
            serial: Self.serial, sts: base, sourceDescription: "primary", clock: clock.wallClock, code: codes.reader)
        let sts = try factory.sts(region: "us-east-1", credentials: session)
        for account in ["111111111111", "222222222222"] {
            _ = try await sts.assumeRole(
                AssumeRoleRequest(
                    roleARN: "arn:aws:iam::\(account):role/Admin", sessionName: "s", sourceDescription: "primary"))
        }
        #expect(codes.serials == [Self.serial], "asked once")
        let requests = transport.requests
        #expect(requests.count == 3)
        let first = Self.body(requests[0])
        #expect(first.contains("Action=GetSessionToken"))
        #expect(first.contains("SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Fada"))
        #expect(first.contains("TokenCode=123451"))
        #expect(requests[0].headers["X-Amz-Security-Token"] == nil, "the session is asked for with long-term keys")
        #expect(requests[1].headers["X-Amz-Security-Token"] == "MFATOKEN1")
        #expect(requests[2].headers["X-Amz-Security-Token"] == "MFATOKEN1")
        let credentials = try await session.credentials()
        #expect(credentials.source == .mfaSession(from: "primary"))
        #expect(credentials.source.description == "MFA session from primary")
    }

    @Test func theCodeIsAskedForAgainOnlyWhenTheSessionEnds() async throws {
        let transport = RecordedTransport([
            Self.stsReply("GetSessionToken", key: "ASIAMFA1", token: "MFATOKEN1", minutes: 60),
            Self.stsReply("GetSessionToken", key: "ASIAMFA2", token: "MFATOKEN2", minutes: 180),
        ])
        let clock = ManualClock()
        let codes = CodeCounter()
        let base = try Self.factory(transport, clock: clock)
            .sts(region: "us-east-1", credentials: StaticCredentialProvider(Self.longTerm))
        let session = try await MFASession.start(
            serial: Self.serial, sts: base, sourceDescription: "primary", clock: clock.wallClock, code: codes.reader)
        for _ in 0..<5 { _ = try await session.credentials() }
        clock.advance(by: 40 * 60)
        #expect(try await session.credentials().accessKeyID == "ASIAMFA1", "20 minutes left: no new code")
        #expect(codes.serials.count == 1)
        clock.advance(by: 10 * 60)
        #expect(try await session.credentials().accessKeyID == "ASIAMFA1", "10 minutes left: still no new code")
        #expect(codes.serials.count == 1)
        clock.advance(by: 6 * 60)
        #expect(try await session.credentials().accessKeyID == "ASIAMFA2", "4 minutes left: a new session")
        #expect(codes.serials.count == 2)
        #expect(Self.body(transport.requests[1]).contains("TokenCode=123452"))
        #expect(await session.cachedExpiration() == ManualClock.start.addingTimeInterval(180 * 60))
    }

    @Test func aRoleProfileWithMFASendsTheCodeOnAssumeRole() async throws {
        let transport = RecordedTransport([
            Self.stsReply("AssumeRole", key: "ASIAROLE1", token: "ROLETOKEN1"),
            Self.stsReply("AssumeRole", key: "ASIAROLE2", token: "ROLETOKEN2"),
        ])
        let clock = ManualClock()
        let codes = CodeCounter()
        let config = try SharedConfig.parse(
            config: """
                [profile admin]
                role_arn = arn:aws:iam::111111111111:role/Admin
                source_profile = base
                mfa_serial = \(Self.serial)
                role_session_name = ada
                """,
            credentials: "[base]\naws_access_key_id = AKIDLONGTERM\naws_secret_access_key = lOnGtErMsEcReT\n")
        let resolver = ProfileCredentialResolver(
            config: config, environment: Environment([:]), factory: Self.factory(transport, clock: clock),
            mfaCode: codes.reader)
        let provider = try resolver.provider(forProfile: "admin").provider
        #expect(try await provider.credentials().accessKeyID == "ASIAROLE1")
        #expect(try await provider.credentials().accessKeyID == "ASIAROLE1")
        #expect(codes.serials == [Self.serial])
        let first = Self.body(transport.requests[0])
        #expect(first.contains("Action=AssumeRole") && first.contains("TokenCode=123451"))
        #expect(first.contains("SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Fada"))
        clock.advance(by: 55 * 60)
        #expect(try await provider.credentials().accessKeyID == "ASIAROLE2")
        #expect(codes.serials.count == 2, "a new role session needs a new code")
    }

    @Test func aRoleProfileWithMFAButNobodyToAskFails() async throws {
        let config = try SharedConfig.parse(
            config:
                "[profile admin]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = base\nmfa_serial = \(Self.serial)\n",
            credentials: "[base]\naws_access_key_id = AKID\naws_secret_access_key = S\n")
        let transport = RecordedTransport([])
        let resolver = ProfileCredentialResolver(
            config: config, environment: Environment([:]), factory: Self.factory(transport, clock: ManualClock()))
        let provider = try resolver.provider(forProfile: "admin").provider
        await #expect(throws: CredentialError.incomplete(source: "profile admin", missing: "an MFA code")) {
            try await provider.credentials()
        }
        #expect(transport.requests.isEmpty)
    }
}

/// `GetSessionToken` with a serial and a code against the emulator.
@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct MFASessionEmulatorTests {
    @Test func theEmulatorIssuesAnMFASession() async throws {
        let emulator = try #require(Emulator.current)
        let codes = CodeCounter()
        let sts = try emulator.factory()
            .sts(region: emulator.region, credentials: StaticCredentialProvider(emulator.adminCredentials))
        let session = try await MFASession.start(
            serial: "arn:aws:iam::\(emulator.primary):mfa/s3x-admin", sts: sts, sourceDescription: "primary",
            clock: .system, durationSeconds: 900, code: codes.reader)
        let credentials = try await session.credentials()
        #expect(codes.serials == ["arn:aws:iam::\(emulator.primary):mfa/s3x-admin"])
        #expect(credentials.source == .mfaSession(from: "primary"))
        #expect(credentials.sessionToken?.isEmpty == false)
        #expect(credentials.accessKeyID != emulator.accessKeyID)
        #expect(await session.cachedExpiration() != nil)
    }
}
