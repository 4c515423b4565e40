import AWS
import CrossAccount
import Foundation
import HTTP
import Services
import TestSupport

/// The emulator's primary and secondaries as s3x would reach them through an endpoint (the fault proxy
/// or the emulator itself), with a retry policy suited to the test.
struct FaultedSession {
    /// The primary account.
    let primary: Account
    /// The prepared secondaries, reached by assuming their admin role from the primary.
    let secondaries: [Account]

    /// The retry policy of a run through the proxy: more attempts than the default three, as the AWS SDKs
    /// allow (`max_attempts`), because one request in five fails; backoff capped at a few milliseconds so a
    /// run stays short (the backoff itself is tested in AWSTests).
    static func faultTolerantRetry() -> RetryPolicy {
        RetryPolicy(maxAttempts: 8, maxBackoff: 0.005)
    }

    /// Reaches every account through `endpoint`.
    /// - Throws: when the transport cannot be created or a role cannot be assumed.
    static func connect(
        _ emulator: Emulator, through endpoint: String, retry: RetryPolicy = faultTolerantRetry(),
        secondaries count: Int = 3
    ) async throws -> FaultedSession {
        let context = ClientContext(transport: try CurlTransport(), retry: retry)
        let factory = ClientFactory(
            context: context, endpoints: EndpointResolver(commandLineURL: endpoint, environment: Environment([:])))
        let admin = StaticCredentialProvider(emulator.adminCredentials)
        let primary = try Account(
            alias: "primary", id: AccountID(emulator.primary),
            principalARN: "arn:aws:iam::\(emulator.primary):user/s3x-admin", region: emulator.region,
            credentials: admin, source: .profile("primary-admin"), factory: factory)
        let sts = try factory.sts(region: emulator.region, credentials: admin)
        var secondaries: [Account] = []
        for (index, id) in emulator.secondaries.prefix(count).enumerated() {
            let assumed = try await sts.assumeRole(
                AssumeRoleRequest(
                    roleARN: emulator.adminRoleARN(in: id), sessionName: "s3x-reliability",
                    sourceDescription: "primary"))
            secondaries.append(
                try Account(
                    alias: "sec\(index + 1)", id: AccountID(id), principalARN: assumed.assumedRoleARN,
                    region: emulator.region, credentials: StaticCredentialProvider(assumed.credentials),
                    source: assumed.credentials.source, factory: factory))
        }
        return FaultedSession(primary: primary, secondaries: secondaries)
    }

    /// An apply context in `account`; propagation waits are short because the emulator is consistent at once.
    static func apply(_ account: Account) -> ActionContext {
        ActionContext(account: account, mode: .apply, propagation: Propagation(attempts: 3, delay: 0.01))
    }
}
