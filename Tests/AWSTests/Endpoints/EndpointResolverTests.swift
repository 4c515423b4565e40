import AWS
import Testing

/// Endpoint overrides in their documented order, default hosts per partition, and regions.
@Suite struct EndpointResolverTests {
    private static let profile: SharedConfig.Profile? = {
        let text = """
            [profile dev]
            endpoint_url = http://profile.example:1
            services = local
            [services local]
            sts =
              endpoint_url = http://services.example:2
            """
        return try? SharedConfig.parse(config: text).profiles["dev"]
    }()

    private static let services = try? SharedConfig.parse(
        config: "[services local]\nsts =\n  endpoint_url = http://services.example:2\n"
    ).services["local"]

    private static let environment = Environment([
        "AWS_ENDPOINT_URL_STS": "http://sts-env.example:3", "AWS_ENDPOINT_URL": "http://global-env.example:4",
    ])

    @Test func precedenceFollowsTheSDKReferenceGuide() {
        var resolver = EndpointResolver(
            commandLineURL: "http://cli.example:5", environment: Self.environment, profile: Self.profile,
            servicesSection: Self.services)
        #expect(resolver.overrideURL(for: .sts) == "http://cli.example:5")
        resolver.commandLineURL = nil
        #expect(resolver.overrideURL(for: .sts) == "http://sts-env.example:3")
        #expect(resolver.overrideURL(for: .iam) == "http://global-env.example:4")
        resolver.environment = Environment(["AWS_ENDPOINT_URL_STS": "http://sts-env.example:3"])
        #expect(resolver.overrideURL(for: .iam) == "http://profile.example:1")
        resolver.environment = Environment([:])
        #expect(resolver.overrideURL(for: .sts) == "http://services.example:2")
        #expect(resolver.overrideURL(for: .s3) == "http://profile.example:1")
        resolver.profile = nil
        #expect(resolver.overrideURL(for: .s3) == nil)
    }

    @Test func ignoringConfiguredEndpointsKeepsOnlyTheCommandLine() throws {
        var environment = Self.environment
        environment.variables["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "TRUE"
        var resolver = EndpointResolver(environment: environment, profile: Self.profile, servicesSection: Self.services)
        #expect(resolver.overrideURL(for: .sts) == nil)
        #expect(try resolver.endpoint(for: .sts, region: "us-east-1").host == "sts.us-east-1.amazonaws.com")
        resolver.commandLineURL = "http://cli.example:5"
        #expect(resolver.overrideURL(for: .sts) == "http://cli.example:5")

        let config = try SharedConfig.parse(
            config: "[profile p]\nendpoint_url = http://x:1\nignore_configured_endpoint_urls = true\n")
        let viaProfile = EndpointResolver(environment: Environment([:]), profile: config.profiles["p"])
        #expect(viaProfile.overrideURL(for: .s3) == nil)
    }

    @Test func anOverrideIsParsedIntoACustomEndpoint() throws {
        let resolver = EndpointResolver(commandLineURL: "http://127.0.0.1:5000/base/", environment: Environment([:]))
        let endpoint = try resolver.endpoint(for: .iam, region: "eu-west-1")
        #expect(endpoint.scheme == "http")
        #expect(endpoint.host == "127.0.0.1")
        #expect(endpoint.port == 5000)
        #expect(endpoint.basePath == "/base")
        #expect(endpoint.origin == "http://127.0.0.1:5000/base")
        #expect(endpoint.signingRegion == "us-east-1")
        #expect(endpoint.isCustom)
    }

    @Test(arguments: ["ftp://host", "127.0.0.1:5000", "http://", "not a url", "https:///path"])
    func invalidOverridesAreRefused(url: String) {
        let resolver = EndpointResolver(commandLineURL: url, environment: Environment([:]))
        let error = #expect(throws: EndpointError.self) { try resolver.endpoint(for: .sts, region: "us-east-1") }
        #expect(error == .invalidURL(url))
        #expect(error?.description == "'\(url)' is not an http or https URL with a host")
    }

    @Test(arguments: [
        (ServiceID.iam, "eu-west-1", "iam.amazonaws.com", "us-east-1"),
        (.iam, "cn-northwest-1", "iam.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        (.iam, "us-gov-east-1", "iam.us-gov.amazonaws.com", "us-gov-west-1"),
        (.sts, "eu-west-1", "sts.eu-west-1.amazonaws.com", "eu-west-1"),
        (.s3, "cn-north-1", "s3.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        (.cloudtrail, "us-gov-west-1", "cloudtrail.us-gov-west-1.amazonaws.com", "us-gov-west-1"),
        (.sso, "eu-central-1", "portal.sso.eu-central-1.amazonaws.com", "eu-central-1"),
    ])
    func defaultHostsPerPartition(service: ServiceID, region: String, host: String, signingRegion: String) throws {
        let endpoint = try EndpointResolver(environment: Environment([:])).endpoint(for: service, region: region)
        #expect(endpoint == Endpoint(host: host, signingRegion: signingRegion))
        #expect(endpoint.origin == "https://\(host)")
    }

    @Test(arguments: ["US-EAST-1", "useast1", "us-east", "us_east_1", "us-east-", "-east-1", "us-east-1a"])
    func invalidRegionsAreRefused(region: String) {
        let resolver = EndpointResolver(environment: Environment([:]))
        let error = #expect(throws: EndpointError.self) { try resolver.endpoint(for: .sts, region: region) }
        #expect(error == .invalidRegion(region))
    }

    @Test(arguments: ["us-east-1", "eu-central-2", "us-gov-west-1", "ap-southeast-4", "cn-northwest-1"])
    func validRegions(region: String) {
        #expect(Region.isValid(region))
    }

    @Test func theRegionComesFromTheEnvironmentThenTheProfile() throws {
        let profile = try SharedConfig.parse(config: "[default]\nregion = eu-west-3\n").profiles["default"]
        let both = Environment(["AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "us-east-2"])
        #expect(Region.configured(environment: both, profile: profile) == "us-west-2")
        #expect(
            Region.configured(environment: Environment(["AWS_DEFAULT_REGION": "us-east-2"]), profile: profile)
                == "us-east-2")
        #expect(Region.configured(environment: Environment(["AWS_REGION": ""]), profile: profile) == "eu-west-3")
        #expect(Region.configured(environment: Environment([:]), profile: nil) == nil)
    }
}
