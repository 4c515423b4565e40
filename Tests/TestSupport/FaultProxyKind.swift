/// One kind of fault the ``FaultProxy`` injects into a request.
public enum FaultProxyKind: String, Sendable, CaseIterable, Hashable, Comparable {
    /// HTTP 503 with S3's `SlowDown` XML error.
    case slowDown
    /// HTTP 500 `InternalError` in the protocol's own error shape.
    case internalError
    /// A throttling error in the protocol's own shape: query XML `Throttling` (IAM, STS), JSON 1.1
    /// `ThrottlingException` (CloudTrail), S3 XML `SlowDown`.
    case throttling
    /// The reply is forwarded but held back for the proxy's delay first.
    case delay
    /// The connection is closed before the request is forwarded: nothing reached the service.
    case dropBeforeForwarding
    /// The request is forwarded (the change is applied) and then the connection is closed: the reply is lost.
    case dropAfterForwarding

    /// Orders kinds as declared, so printed counts read the same in every run.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
