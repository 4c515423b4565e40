import AWS
import Foundation

/// An MFA session: `GetSessionToken` with a device serial and a code, asked for once and
/// again only in the last five minutes of the session.
///
/// The windows are shorter than other credentials' (15 and 10 minutes): a refresh here asks a
/// person for a code, and sessions may be as short as 15 minutes.
///
/// Every role assumed from an alias with an MFA session reuses the session, so the person types
/// one code per session rather than one per role. IAM accepts session credentials only when
/// they were obtained with MFA (IAM User Guide, "Requesting temporary security credentials":
/// GetSessionToken), which is why s3x asks for a code instead of using a plain session.
public enum MFASession {
    /// Asks for a code, which must not be echoed (the shell reads it from the terminal).
    public typealias CodeReader = @Sendable (_ serial: String) async throws -> String

    /// A new code is asked for 5 minutes before the session ends; from 1 minute before, the
    /// session is no longer used.
    public static let windows: (advisory: TimeInterval, mandatory: TimeInterval) = (5 * 60, 60)

    /// Starts a session now (asking for the first code) and returns its refreshing provider.
    /// - Parameters:
    ///   - serial: the MFA device's ARN (or a hardware token's serial number).
    ///   - sts: an STS client signing with the long-term credentials.
    ///   - sourceDescription: the alias or profile, for `CredentialSource.mfaSession`.
    ///   - durationSeconds: the session length; nil for AWS's default (12 hours).
    /// - Throws: what reading the code throws, or the `AWSError` of `GetSessionToken`.
    public static func start(
        serial: String, sts: STS, sourceDescription: String, clock: WallClock, durationSeconds: Int? = nil,
        code: @escaping CodeReader
    ) async throws -> RefreshingCredentialProvider {
        let fetch: @Sendable () async throws -> Credentials = {
            let typed = try await code(serial).trimmingCharacters(in: .whitespaces)
            return try await sts.getSessionToken(
                durationSeconds: durationSeconds, mfaSerial: serial, mfaCode: typed,
                sourceDescription: sourceDescription)
        }
        let first = try await fetch()
        return RefreshingCredentialProvider(initial: first, clock: clock, windows: windows, fetch: fetch)
    }
}
