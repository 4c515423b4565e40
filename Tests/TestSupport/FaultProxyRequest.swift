/// What the ``FaultProxy`` knows about a request: the service it is signed for and its operation.
public struct FaultProxyRequest: Sendable, Equatable {
    /// The service from the SigV4 credential scope (`iam`, `sts`, `s3`, `cloudtrail`), or `s3` when unsigned.
    public var service: String
    /// The operation: the query protocol's `Action`, the JSON 1.1 target's last part, or the S3 operation
    /// read from the method, path and query (`CreateBucket`, `PutBucketPolicy`, ...).
    public var operation: String
    /// The number of requests the proxy had seen before this one.
    public var index: Int

    /// Creates a description of `request`, the `index`th the proxy saw.
    public init(_ request: LoopbackServer.ReceivedRequest, index: Int) {
        self.index = index
        service = Self.service(fromAuthorization: request.headers["Authorization"] ?? "") ?? "s3"
        switch service {
        case "cloudtrail":
            let target = request.headers["X-Amz-Target"] ?? ""
            operation = String(target.split(separator: ".").last ?? "")
        case "s3":
            operation = Self.s3Operation(method: request.method, target: request.target)
        default:
            operation =
                Self.formValue("Action", in: request.bodyText) ?? Self.formValue("Action", in: request.target)
                ?? ""
        }
    }

    /// The service of `Credential=KEY/DATE/REGION/SERVICE/aws4_request` in an Authorization header.
    static func service(fromAuthorization header: String) -> String? {
        guard let start = header.range(of: "Credential=") else {
            return nil
        }
        let scope = header[start.upperBound...].prefix { $0 != "," && $0 != " " }.split(separator: "/")
        return scope.count == 5 ? String(scope[3]) : nil
    }

    /// The value of `name` in a form body or query string, still percent-encoded.
    static func formValue(_ name: String, in text: String) -> String? {
        let query = text.split(separator: "?", maxSplits: 1).last ?? ""
        for pair in query.split(separator: "&") where pair.hasPrefix(name + "=") {
            return String(pair.dropFirst(name.count + 1))
        }
        return nil
    }

    /// The S3 operations s3x uses, from the path-style request's method, path and query.
    static func s3Operation(method: String, target: String) -> String {
        let parts = target.split(separator: "?", maxSplits: 1)
        let path = parts.first.map(String.init) ?? "/"
        let query = parts.count > 1 ? String(parts[1]) : ""
        let onBucket = path.split(separator: "/").count == 1
        let isPolicy = query.split(separator: "&").contains { $0 == "policy" || $0.hasPrefix("policy=") }
        switch (method, onBucket, isPolicy) {
        case ("PUT", true, true): return "PutBucketPolicy"
        case ("GET", true, true): return "GetBucketPolicy"
        case ("DELETE", true, true): return "DeleteBucketPolicy"
        case ("PUT", true, false): return "CreateBucket"
        case ("HEAD", true, false): return "HeadBucket"
        case ("GET", false, _) where path == "/": return "ListBuckets"
        default: return "\(method) \(path)"
        }
    }
}
