import Foundation

/// Chooses each service's endpoint from overrides and the region, as the AWS tools do.
///
/// Override precedence, from the AWS SDKs and Tools reference guide ("Service-specific
/// endpoints"): the command line's `--endpoint-url`, then `AWS_ENDPOINT_URL_<SERVICE>`, then
/// `AWS_ENDPOINT_URL`, then the profile's `services` section, then the profile's `endpoint_url`.
/// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` ignores all but the command line.
public struct EndpointResolver: Sendable {
    /// `--endpoint-url`, which applies to every service.
    public var commandLineURL: String?
    /// The environment.
    public var environment: Environment
    /// The profile in use, if any.
    public var profile: SharedConfig.Profile?
    /// The `[services NAME]` section the profile names, if any.
    public var servicesSection: [String: [String: String]]?

    /// Creates a resolver.
    public init(
        commandLineURL: String? = nil, environment: Environment, profile: SharedConfig.Profile? = nil,
        servicesSection: [String: [String: String]]? = nil
    ) {
        self.commandLineURL = commandLineURL
        self.environment = environment
        self.profile = profile
        self.servicesSection = servicesSection
    }

    /// The endpoint for `service` in `region`.
    /// - Throws: `EndpointError` for a malformed override or region.
    public func endpoint(for service: ServiceID, region: String) throws(EndpointError) -> Endpoint {
        let partition = Partition(region: region)
        let signingRegion = service.isGlobal ? partition.globalSigningRegion : region
        if let url = overrideURL(for: service) {
            return try Endpoint(url: url, signingRegion: signingRegion)
        }
        guard Region.isValid(region) else { throw .invalidRegion(region) }
        return Endpoint(host: partition.host(for: service, region: region), signingRegion: signingRegion)
    }

    /// The configured override URL for `service`, following the documented precedence.
    public func overrideURL(for service: ServiceID) -> String? {
        if let commandLineURL { return commandLineURL }
        let ignore =
            environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
            || profile?["ignore_configured_endpoint_urls"]?.lowercased() == "true"
        if ignore { return nil }
        return environment["AWS_ENDPOINT_URL_\(service.environmentKey)"]
            ?? environment["AWS_ENDPOINT_URL"]
            ?? servicesSection?[service.configKey]?["endpoint_url"]
            ?? profile?["endpoint_url"]
    }
}

/// An AWS partition: the commercial one, China, or GovCloud.
public enum Partition: String, Sendable {
    case aws, awsCN = "aws-cn", awsUSGov = "aws-us-gov"

    /// The partition a region belongs to.
    public init(region: String) {
        if region.hasPrefix("cn-") {
            self = .awsCN
        } else if region.hasPrefix("us-gov-") {
            self = .awsUSGov
        } else {
            self = .aws
        }
    }

    /// The region global services (IAM) are signed for.
    public var globalSigningRegion: String {
        switch self {
        case .aws: "us-east-1"
        case .awsCN: "cn-north-1"
        case .awsUSGov: "us-gov-west-1"
        }
    }

    /// The DNS suffix of the partition's endpoints.
    public var dnsSuffix: String {
        self == .awsCN ? "amazonaws.com.cn" : "amazonaws.com"
    }

    /// The default host name for `service` in `region`.
    public func host(for service: ServiceID, region: String) -> String {
        switch (service, self) {
        case (.iam, .aws): "iam.amazonaws.com"
        case (.iam, .awsCN): "iam.cn-north-1.amazonaws.com.cn"
        case (.iam, .awsUSGov): "iam.us-gov.amazonaws.com"
        case (.sso, _): "portal.sso.\(region).\(dnsSuffix)"
        default: "\(service.rawValue).\(region).\(dnsSuffix)"
        }
    }
}

/// Region names and how the AWS tools find the configured one.
public enum Region {
    /// Whether `name` looks like an AWS region (`us-east-1`, `eu-central-2`, `us-gov-west-1`, ...).
    public static func isValid(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, Int(last) != nil else { return false }
        return parts.dropLast().allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isLowercase }
        }
    }

    /// The region from `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`.
    public static func configured(environment: Environment, profile: SharedConfig.Profile?) -> String? {
        environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? profile?["region"]
    }
}
