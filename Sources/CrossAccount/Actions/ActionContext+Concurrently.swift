import AWS

/// Independent calls of one action, sent at once: at AWS's latency every call saved from the
/// chain of calls that must follow one another is about 100 ms saved.
extension ActionContext {
    /// Runs two independent calls at once and returns both results. Both always finish; when both
    /// fail, the first one's error is thrown.
    /// - Throws: `ActionError`.
    // Not inlined, so its locals live in a frame of its own while it runs instead of in each
    // caller's async frame, which every account's branch holds for the whole action.
    @inline(never)
    func concurrently<First: Sendable, Second: Sendable>(
        _ first: @escaping @Sendable () async throws(ActionError) -> First,
        _ second: @escaping @Sendable () async throws(ActionError) -> Second
    ) async throws(ActionError) -> (First, Second) {
        async let firstOutcome = Self.outcome(of: first)
        async let secondOutcome = Self.outcome(of: second)
        let (firstResult, secondResult) = await (firstOutcome, secondOutcome)
        return (try firstResult.get(), try secondResult.get())
    }

    /// Sends two independent AWS calls of `action` at once; a failure is wrapped as ``call(_:hint:_:)``
    /// wraps it.
    /// - Throws: `ActionError.aws`.
    // Not inlined, so its locals live in a frame of its own while it runs instead of in each
    // caller's async frame, which every account's branch holds for the whole action.
    @inline(never)
    func concurrentCalls<First: Sendable, Second: Sendable>(
        _ action: String, hint: @escaping @Sendable (AWSError) -> String? = { _ in nil },
        _ first: @escaping @Sendable () async throws(AWSError) -> First,
        _ second: @escaping @Sendable () async throws(AWSError) -> Second
    ) async throws(ActionError) -> (First, Second) {
        try await concurrently(
            { () async throws(ActionError) in try await call(action, hint: hint, first) },
            { () async throws(ActionError) in try await call(action, hint: hint, second) })
    }

    /// The value or the error of `body`, as a value.
    private static func outcome<Value>(of body: () async throws(ActionError) -> Value) async -> Result<
        Value, ActionError
    > {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}
