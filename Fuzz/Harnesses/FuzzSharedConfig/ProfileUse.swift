import AWS
import HTTP
import Services

/// What s3x derives from each profile of a parsed configuration, without sending anything.
enum ProfileUse {
    /// A transport that never answers: resolving a profile must not send a request.
    private struct SilentTransport: HTTPTransport {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            throw CancellationError()
        }
    }

    /// Resolves every profile's credential source and every service's endpoint under it.
    static func resolveAll(in config: SharedConfig) {
        let environment = Environment(["HOME": "/nonexistent"])
        let endpoints = EndpointResolver(environment: environment)
        let factory = ClientFactory(context: ClientContext(transport: SilentTransport()), endpoints: endpoints)
        let resolver = ProfileCredentialResolver(config: config, environment: environment, factory: factory)
        _ = try? resolver.defaultProvider()
        for name in config.profiles.keys.sorted().prefix(16) {
            let resolved = try? resolver.provider(forProfile: name)
            let scoped = factory.using(profile: config.profiles[name], config: config)
            let region = resolved?.region ?? "us-east-1"
            for service in ServiceID.allCases {
                _ = try? scoped.endpoints.endpoint(for: service, region: region)
            }
        }
    }
}
