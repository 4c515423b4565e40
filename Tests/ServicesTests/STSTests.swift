import AWS
import Foundation
import Services
import TestSupport
import Testing

@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct STSTests {
    let emulator: Emulator
    let admin: StaticCredentialProvider

    init() throws {
        emulator = try #require(Emulator.current, Emulator.skipReason)
        admin = StaticCredentialProvider(emulator.adminCredentials)
    }

    @Test func callerIdentityNamesThePrimaryAdmin() async throws {
        let sts = try emulator.factory().sts(region: emulator.region, credentials: admin)
        let identity = try await sts.getCallerIdentity()
        #expect(identity.account == emulator.primary)
        #expect(identity.arn == "arn:aws:iam::\(emulator.primary):user/s3x-admin")
    }

    @Test func assumedRoleActsInTheSecondaryAccount() async throws {
        let factory = try emulator.factory()
        let sts = try factory.sts(region: emulator.region, credentials: admin)
        let secondary = try #require(emulator.secondaries.first)
        let assumed = try await sts.assumeRole(
            AssumeRoleRequest(
                roleARN: emulator.adminRoleARN(in: secondary), sessionName: "s3x-test", durationSeconds: 900,
                sourceDescription: "test"))
        #expect(assumed.credentials.sessionToken != nil)
        #expect(assumed.credentials.expiration != nil)
        #expect(assumed.assumedRoleARN.contains(":\(secondary):assumed-role/\(emulator.adminRole)/s3x-test"))

        let asRole = try factory.sts(
            region: emulator.region, credentials: StaticCredentialProvider(assumed.credentials))
        #expect(try await asRole.getCallerIdentity().account == secondary)
    }

    // moto issues session-token credentials it does not itself accept once authentication is on,
    // so this checks the reply's decoding only; using MFA sessions is tested over recorded replies.
    @Test func sessionTokenIsDecoded() async throws {
        let factory = try emulator.factory()
        let sts = try factory.sts(region: emulator.region, credentials: admin)
        let session = try await sts.getSessionToken(
            durationSeconds: 900, mfaSerial: "arn:aws:iam::\(emulator.primary):mfa/admin", mfaCode: "123456",
            sourceDescription: "test")
        #expect(session.source == .mfaSession(from: "test"))
        #expect(session.sessionToken?.isEmpty == false)
        #expect(session.expiration != nil)
    }
}

@Suite(.enabled(if: Emulator.isAvailable, Emulator.skipReason))
struct AuthenticationTests {
    let emulator: Emulator

    init() throws { emulator = try #require(Emulator.current, Emulator.skipReason) }

    @Test func wrongSecretFailsWithSignatureDoesNotMatch() async throws {
        var wrong = emulator.adminCredentials
        wrong.secretAccessKey += "x"
        let factory = try emulator.factory()
        let provider = StaticCredentialProvider(wrong)
        for call in [
            { try await _ = factory.sts(region: emulator.region, credentials: provider).getCallerIdentity() },
            { try await _ = factory.iam(region: emulator.region, credentials: provider).getUser(name: nil) },
            { try await _ = factory.s3(region: emulator.region, credentials: provider).listBuckets() },
            { try await _ = factory.cloudTrail(region: emulator.region, credentials: provider).describeTrails() },
        ] as [@Sendable () async throws -> Void] {
            let error = await #expect(throws: AWSError.self) { try await call() }
            #expect(error?.code == "SignatureDoesNotMatch")
        }
    }

    @Test func unknownAccessKeyIsRefused() async throws {
        var unknown = emulator.adminCredentials
        unknown.accessKeyID = "AKIAUNKNOWN000000000"
        let sts = try emulator.factory().sts(region: emulator.region, credentials: StaticCredentialProvider(unknown))
        let error = await #expect(throws: AWSError.self) { try await sts.getCallerIdentity() }
        #expect(error?.code == "InvalidClientTokenId")
    }
}
