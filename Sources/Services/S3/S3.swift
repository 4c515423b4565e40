import AWS
import Foundation
import SigV4

/// Amazon S3 through its REST-XML API, path-style (`/BUCKET?policy`), as the procedure needs it.
public struct S3: Sendable {
    /// The underlying client.
    public let client: AWSClient
    /// The region new buckets are created in.
    public let region: String

    /// Wraps a client for the `s3` service; `region` is where `createBucket` creates.
    public init(client: AWSClient, region: String) {
        self.client = client
        self.region = region
    }

    /// `CreateBucket` in this client's region. `us-east-1` takes no location constraint; every
    /// other region must name itself (S3 API reference, CreateBucket).
    /// - Throws: `AWSError` (`BucketAlreadyOwnedByYou`, `BucketAlreadyExists`, `InvalidBucketName`).
    public func createBucket(name: String) async throws(AWSError) {
        var body: [UInt8] = []
        if region != "us-east-1" {
            body = Array(
                ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<LocationConstraint>\(region)</LocationConstraint></CreateBucketConfiguration>").utf8)
        }
        let headers = body.isEmpty ? [] : [Header(name: "Content-Type", value: "application/xml")]
        _ = try await client.send(
            AWSRequest(
                operation: "CreateBucket", isMutating: true, method: "PUT", path: "/\(name)", headers: headers,
                body: body))
    }

    /// `HeadBucket`: whether the bucket exists and this identity may use it.
    /// - Throws: `AWSError` for anything but 200 and 404.
    public func headBucket(name: String) async throws(AWSError) -> BucketHead {
        do {
            let response = try await client.send(
                AWSRequest(operation: "HeadBucket", isMutating: false, method: "HEAD", path: "/\(name)"))
            return BucketHead(exists: true, region: response.headers["x-amz-bucket-region"])
        } catch let error where error.serviceError?.status == 404 {
            return BucketHead(exists: false, region: nil)
        }
    }

    /// `ListBuckets`: the buckets this identity's account owns, and the owner's canonical id.
    /// - Throws: `AWSError`.
    public func listBuckets() async throws(AWSError) -> [String] {
        let response = try await client.send(AWSRequest(operation: "ListBuckets", isMutating: false, method: "GET"))
        let document = try parse(response.body, operation: "ListBuckets")
        return (document.child("Buckets")?.children("Bucket") ?? []).compactMap { $0.text(at: "Name") }
    }

    /// `GetBucketPolicy`: the policy JSON, or nil when the bucket has none.
    /// - Throws: `AWSError` (`NoSuchBucket`).
    public func getBucketPolicy(bucket: String) async throws(AWSError) -> String? {
        do {
            let response = try await client.send(
                AWSRequest(
                    operation: "GetBucketPolicy", isMutating: false, method: "GET", path: "/\(bucket)",
                    query: [QueryItem(name: "policy", value: "")]))
            return String(decoding: response.body, as: UTF8.self)
        } catch let error where error.code == "NoSuchBucketPolicy" {
            return nil
        }
    }

    /// `PutBucketPolicy`: replaces the bucket policy with `policy`.
    /// - Throws: `AWSError` (`MalformedPolicy`, `NoSuchBucket`).
    public func putBucketPolicy(bucket: String, policy: String) async throws(AWSError) {
        _ = try await client.send(
            AWSRequest(
                operation: "PutBucketPolicy", isMutating: true, method: "PUT", path: "/\(bucket)",
                query: [QueryItem(name: "policy", value: "")],
                headers: [Header(name: "Content-Type", value: "application/json")], body: Array(policy.utf8)))
    }

    private func parse(_ body: [UInt8], operation: String) throws(AWSError) -> XMLElementTree {
        do {
            return try XMLElementTree.parse(body)
        } catch {
            throw .malformedResponse(service: .s3, operation: operation, status: 200, reason: "\(error)")
        }
    }
}

/// What `HeadBucket` tells.
public struct BucketHead: Sendable, Equatable {
    /// Whether the bucket exists (and, on AWS, is reachable by this identity).
    public var exists: Bool
    /// The bucket's region, from `x-amz-bucket-region`.
    public var region: String?
}
