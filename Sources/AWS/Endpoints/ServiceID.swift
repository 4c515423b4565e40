/// The AWS services s3x talks to.
public enum ServiceID: String, Sendable, CaseIterable {
    case sts, iam, s3, cloudtrail
    /// IAM Identity Center's portal (role credentials for SSO profiles); not SigV4-signed.
    case sso

    /// The name in the SigV4 credential scope.
    public var signingName: String {
        switch self {
        case .sso: "awsssoportal"
        default: rawValue
        }
    }

    /// The suffix of `AWS_ENDPOINT_URL_<SERVICE>` (the SDK service id, upper-cased, spaces as `_`).
    public var environmentKey: String {
        switch self {
        case .sso: "SSO"
        default: rawValue.uppercased()
        }
    }

    /// The key inside a `[services NAME]` section (the SDK service id, lower-cased, spaces as `_`).
    public var configKey: String {
        rawValue
    }

    /// Whether the service is global (one endpoint per partition, signed for a fixed region).
    public var isGlobal: Bool {
        self == .iam
    }
}
