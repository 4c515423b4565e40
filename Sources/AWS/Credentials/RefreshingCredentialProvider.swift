import Foundation

/// Caches temporary credentials and fetches new ones before they expire.
///
/// Uses the AWS CLI's windows: from 15 minutes before expiry a refresh is attempted and, if it
/// fails, the old credentials are still used; from 10 minutes before expiry a refresh is
/// mandatory and its failure is an error. Concurrent callers share one fetch.
public actor RefreshingCredentialProvider: CredentialProvider {
    /// Seconds before expiry at which a refresh is attempted.
    public static let advisoryWindow: TimeInterval = 15 * 60
    /// Seconds before expiry at which a refresh is required.
    public static let mandatoryWindow: TimeInterval = 10 * 60

    private let fetch: @Sendable () async throws -> Credentials
    private let clock: WallClock
    private let advisory: TimeInterval
    private let mandatory: TimeInterval
    private var cached: Credentials?
    private var inFlight: Task<Credentials, any Error>?

    /// Wraps `fetch`, which obtains fresh credentials.
    public init(clock: WallClock = .system, fetch: @escaping @Sendable () async throws -> Credentials) {
        self.clock = clock
        self.fetch = fetch
        self.advisory = Self.advisoryWindow
        self.mandatory = Self.mandatoryWindow
    }

    /// Starts with credentials already in hand; `windows` replaces the advisory and mandatory
    /// windows (MFA sessions use short ones, since each refresh asks a person for a code).
    public init(
        initial: Credentials, clock: WallClock = .system,
        windows: (advisory: TimeInterval, mandatory: TimeInterval) = (advisoryWindow, mandatoryWindow),
        fetch: @escaping @Sendable () async throws -> Credentials
    ) {
        self.clock = clock
        self.fetch = fetch
        self.cached = initial
        self.advisory = windows.advisory
        self.mandatory = windows.mandatory
    }

    public func credentials() async throws -> Credentials {
        let now = clock.now()
        if let cached, cached.isValid(at: now, margin: advisory) { return cached }
        do {
            return try await refresh()
        } catch {
            // Inside the advisory window a failed refresh keeps the old credentials.
            if let cached, cached.isValid(at: clock.now(), margin: mandatory) { return cached }
            throw error
        }
    }

    // `async` to match the protocol requirement exactly: a call on the concrete type (such as
    // `ProcessCredentialProvider`'s) would otherwise pick the protocol extension's empty default.
    public func invalidate() async {
        cached = nil
    }

    /// The expiry of the cached credentials, if any (for prompts and `account list`).
    public var expiration: Date? {
        cached?.expiration
    }

    public func cachedExpiration() async -> Date? {
        cached?.expiration
    }

    private func refresh() async throws -> Credentials {
        if let inFlight { return try await inFlight.value }
        let task = Task { try await fetch() }
        inFlight = task
        defer { inFlight = nil }
        let fresh = try await task.value
        cached = fresh
        return fresh
    }
}
