import Foundation

/// Where to send a service's requests and how to sign them.
public struct Endpoint: Sendable, Equatable {
    /// `https` or `http`.
    public var scheme: String
    /// The host name or address, without the port.
    public var host: String
    /// The port, when not the scheme's default.
    public var port: Int?
    /// A path prefix every request path is appended to (usually empty).
    public var basePath: String
    /// The region in the credential scope.
    public var signingRegion: String
    /// Whether the endpoint came from an override (custom endpoints use S3 path-style addressing).
    public var isCustom: Bool

    /// The `Host` header value: the host, plus the port when one is set.
    public var hostHeader: String {
        port.map { "\(host):\($0)" } ?? host
    }

    /// The URL prefix requests are built on, e.g. `http://127.0.0.1:5000`.
    public var origin: String {
        "\(scheme)://\(hostHeader)\(basePath)"
    }

    /// Parses an override such as `http://127.0.0.1:5000`.
    /// - Throws: `EndpointError.invalidURL` when the text is not an http(s) URL with a host.
    public init(url text: String, signingRegion: String) throws(EndpointError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { throw .invalidURL(text) }
        self.scheme = scheme
        self.host = host
        self.port = components.port
        let path = components.percentEncodedPath
        self.basePath = path.hasSuffix("/") ? String(path.dropLast()) : path
        self.signingRegion = signingRegion
        self.isCustom = true
    }

    /// An AWS endpoint.
    public init(host: String, signingRegion: String) {
        self.scheme = "https"
        self.host = host
        self.port = nil
        self.basePath = ""
        self.signingRegion = signingRegion
        self.isCustom = false
    }
}

/// A problem choosing an endpoint or region.
public enum EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An override that is not an http(s) URL.
    case invalidURL(String)
    /// No region configured for a regional service.
    case noRegion
    /// A region name that is not of AWS's form.
    case invalidRegion(String)

    public var description: String {
        switch self {
        case .invalidURL(let text): "'\(text)' is not an http or https URL with a host"
        case .noRegion: "no region is set; use --region, AWS_REGION, or a profile's region"
        case .invalidRegion(let name): "'\(name)' is not a region name (expected e.g. us-east-1)"
        }
    }
}
