import AWS
import Foundation
import Locking
import TestSupport

/// A loopback server standing in for AWS on a manual clock: `AssumeRole` hands out numbered keys that
/// expire `lifetime` seconds later, and any other call is refused with `ExpiredToken` when signed with a
/// key that has expired by then, so a test can see whether s3x ever sent one.
final class FakeSTS: Sendable {
    fileprivate struct State {
        var issued: [String: Date] = [:]
        var assumeCalls = 0
        var callsWithExpiredKey = 0
        var keysUsed: [String] = []
    }

    /// The server.
    let server: LoopbackServer

    /// Starts the server; keys last `lifetime` seconds on `clock`.
    init(clock: ManualClock, lifetime: TimeInterval) throws {
        let state = FakeSTSState()
        self.shared = state
        server = try LoopbackServer { request in
            let now = clock.now
            let body = request.bodyText
            if body.contains("Action=AssumeRole") {
                let (key, expiry) = state.value.withLock { state in
                    state.assumeCalls += 1
                    let key = "ASIAFAKE\(state.assumeCalls)"
                    state.issued[key] = now + lifetime
                    return (key, now + lifetime)
                }
                return .text(200, Self.assumeRoleReply(key: key, expiry: expiry))
            }
            let key = FakeSTS.keyID(in: request.headers["Authorization"] ?? "")
            let expired = state.value.withLock { state in
                state.keysUsed.append(key)
                let expired = (state.issued[key] ?? .distantFuture) <= now
                if expired { state.callsWithExpiredKey += 1 }
                return expired
            }
            if expired {
                return .text(
                    400, FakeSTS.error("ExpiredToken", "The security token included in the request is expired"))
            }
            return .text(200, Self.callerIdentityReply)
        }
    }

    /// The state the server's handler updates.
    private let shared: FakeSTSState

    /// How many times `AssumeRole` was called.
    var assumeCalls: Int { shared.value.withLock { $0.assumeCalls } }
    /// How many calls were signed with a key that had expired.
    var callsWithExpiredKey: Int { shared.value.withLock { $0.callsWithExpiredKey } }
    /// The key of each call other than `AssumeRole`, in order.
    var keysUsed: [String] { shared.value.withLock { $0.keysUsed } }

    /// The access key id of a SigV4 Authorization header.
    static func keyID(in authorization: String) -> String {
        guard let start = authorization.range(of: "Credential=") else { return "" }
        return String(authorization[start.upperBound...].prefix { $0 != "/" })
    }

    /// A query-protocol error.
    static func error(_ code: String, _ message: String) -> String {
        "<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error>"
            + "<RequestId>fake</RequestId></ErrorResponse>"
    }

    private static func assumeRoleReply(key: String, expiry: Date) -> String {
        """
        <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>\(key)</AccessKeyId>\
        <SecretAccessKey>fake-secret-\(key)</SecretAccessKey><SessionToken>fake-token-\(key)</SessionToken>\
        <Expiration>\(ISO8601.format(expiry))</Expiration></Credentials><AssumedRoleUser>\
        <Arn>arn:aws:sts::111111111111:assumed-role/R/s</Arn><AssumedRoleId>AROAFAKE:s</AssumedRoleId>\
        </AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>
        """
    }

    private static let callerIdentityReply = """
        <GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:sts::111111111111:assumed-role/R/s</Arn>\
        <UserId>AROAFAKE:s</UserId><Account>111111111111</Account></GetCallerIdentityResult>\
        </GetCallerIdentityResponse>
        """
}

/// The fake's state, shared by the server's handler and the fake.
private final class FakeSTSState: Sendable {
    let value = Locked(FakeSTS.State())
}
