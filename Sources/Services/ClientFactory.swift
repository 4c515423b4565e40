import AWS

/// Builds service clients that share a session's transport, retry quota, clock and endpoints.
public struct ClientFactory: Sendable {
    /// What every client shares.
    public var context: ClientContext
    /// Endpoint overrides (command line, environment, profile).
    public var endpoints: EndpointResolver

    /// Creates a factory.
    public init(context: ClientContext, endpoints: EndpointResolver) {
        self.context = context
        self.endpoints = endpoints
    }

    /// The same factory with a profile's endpoint settings in force.
    public func using(profile: SharedConfig.Profile?, config: SharedConfig) -> ClientFactory {
        var copy = self
        copy.endpoints.profile = profile
        copy.endpoints.servicesSection = profile?["services"].flatMap { config.services[$0] }
        return copy
    }

    /// A client for `service` in `region` signing with `credentials`.
    /// - Throws: `AWSError.endpoint` for a malformed override or region.
    public func client(
        _ service: ServiceID, region: String, credentials: any CredentialProvider
    ) throws(AWSError) -> AWSClient {
        do {
            let endpoint = try endpoints.endpoint(for: service, region: region)
            return AWSClient(service: service, endpoint: endpoint, credentials: credentials, context: context)
        } catch {
            throw .endpoint(error)
        }
    }

    /// An STS client.
    /// - Throws: `AWSError.endpoint`.
    public func sts(region: String, credentials: any CredentialProvider) throws(AWSError) -> STS {
        STS(client: try client(.sts, region: region, credentials: credentials))
    }

    /// An IAM client (IAM is global; `region` picks the partition).
    /// - Throws: `AWSError.endpoint`.
    public func iam(region: String, credentials: any CredentialProvider) throws(AWSError) -> IAM {
        IAM(client: try client(.iam, region: region, credentials: credentials))
    }

    /// An S3 client creating buckets in `region`.
    /// - Throws: `AWSError.endpoint`.
    public func s3(region: String, credentials: any CredentialProvider) throws(AWSError) -> S3 {
        S3(client: try client(.s3, region: region, credentials: credentials), region: region)
    }

    /// A CloudTrail client.
    /// - Throws: `AWSError.endpoint`.
    public func cloudTrail(region: String, credentials: any CredentialProvider) throws(AWSError) -> CloudTrail {
        CloudTrail(client: try client(.cloudtrail, region: region, credentials: credentials))
    }
}
