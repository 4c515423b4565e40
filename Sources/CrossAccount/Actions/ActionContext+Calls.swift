import AWS
import Services

/// Running AWS calls for an action: failures become `ActionError.aws` with a hint.
extension ActionContext {
    /// Runs one call of `action`; a failure is wrapped with `hint`'s advice, or the general advice.
    /// - Throws: `ActionError.aws`.
    // Not inlined, so its locals live in a frame of its own while it runs instead of in each
    // caller's async frame, which every account's branch holds for the whole action.
    @inline(never)
    func call<T>(
        _ action: String, hint: (AWSError) -> String? = { _ in nil }, _ body: () async throws(AWSError) -> T
    ) async throws(ActionError) -> T {
        do {
            return try await body()
        } catch {
            throw .aws(action: action, account: account.label, error: error, hint: hint(error) ?? generalHint(error))
        }
    }

    /// Runs a call that may fail only because a new principal or policy has not propagated yet,
    /// retrying within `propagation`'s bounds.
    /// - Throws: `ActionError.aws` with the last failure.
    func callAfterPropagation<T: Sendable>(
        _ action: String, hint: (AWSError) -> String? = { _ in nil },
        _ body: @escaping @Sendable () async throws(AWSError) -> T
    ) async throws(ActionError) -> T {
        let propagation = propagation
        return try await call(action, hint: hint) { () async throws(AWSError) -> T in
            try await propagation.retrying(while: ActionContext.isPropagationError, body)
        }
    }

    /// Records `call` in the report and, unless planning, sends it; an unchanged outcome becomes
    /// updated (or would update).
    /// - Throws: `ActionError.aws`.
    func send(
        _ call: String, _ report: inout Report, hint: (AWSError) -> String? = { _ in nil },
        _ body: () async throws(AWSError) -> Void
    ) async throws(ActionError) {
        if report.outcome == .unchanged { report.outcome = isPlanning ? .wouldUpdate : .updated }
        if !report.calls.contains(call) { report.calls.append(call) }
        guard !isPlanning else { return }
        try await self.call(report.command, hint: hint, body)
    }

    /// Builds a client of the account.
    /// - Throws: `ActionError.aws` (`AWSError.endpoint`).
    @inline(never)
    func client<T>(_ action: String, _ make: (Account) throws(AWSError) -> T) throws(ActionError) -> T {
        do {
            return try make(account)
        } catch {
            throw .aws(action: action, account: account.label, error: error, hint: nil)
        }
    }

    /// Validates a name or id for `action`.
    /// - Throws: `ActionError.identifier`.
    @inline(never)
    func validate<T>(_ action: String, _ make: () throws(IdentifierError) -> T) throws(ActionError) -> T {
        do {
            return try make()
        } catch {
            throw .identifier(action: action, account: account.label, error: error)
        }
    }

    /// Wraps a policy failure of `action`.
    @inline(never)
    func policyError(_ action: String, _ error: PolicyError) -> ActionError {
        .policy(action: action, account: account.label, error: error)
    }

    /// Whether `error` may be IAM's eventual consistency: a principal or policy not visible yet
    /// (IAM User Guide, "Changes that I make are not always immediately visible").
    @Sendable static func isPropagationError(_ error: AWSError) -> Bool {
        switch error.code {
        case "NoSuchEntity": true
        case "MalformedPolicyDocument": error.serviceError?.message.lowercased().contains("principal") == true
        default: false
        }
    }

    /// Advice that holds whatever the action: credentials refused, or a session without MFA.
    func generalHint(_ error: AWSError) -> String? {
        switch error.code {
        case "AccessDenied" where account.isSessionWithoutMFA:
            return "the credentials of \(account.alias) are a session obtained without MFA (\(account.source)); "
                + "IAM may refuse such sessions: start one with MFA and retry"
        case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation":
            return "the principal \(account.principalARN) lacks this permission; use an identity allowed to call it"
        case "ExpiredToken", "ExpiredTokenException", "RequestExpired":
            return "the session of \(account.alias) expired: sign in again"
        case "InvalidClientTokenId", "SignatureDoesNotMatch":
            return "the access key of \(account.alias) (\(account.source)) is not accepted: check the profile"
        case _ where RetryPolicy.classify(error).isRetryable:
            let what = error.code.map { "answered \($0)" } ?? "could not be reached"
            return "AWS \(what) on every retry this session allows (max_attempts, retry quota); wait and run "
                + "the command again: what is already done is not repeated"
        default:
            return nil
        }
    }
}

extension Account {
    /// Whether the credentials are a temporary session that was not obtained with MFA.
    var isSessionWithoutMFA: Bool {
        if case .mfaSession = source { return false }
        return principalARN.contains(":assumed-role/") || principalARN.contains(":federated-user/")
    }
}
