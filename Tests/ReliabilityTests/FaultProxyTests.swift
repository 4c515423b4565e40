import HTTP
import TestSupport
import Testing

/// The fault proxy itself, in front of a loopback upstream (no emulator needed).
@Suite struct FaultProxyTests {
    /// A request signed for `service` (only the credential scope matters to the proxy).
    private static func request(_ proxy: FaultProxy, service: String, body: String = "Action=GetUser") -> HTTPRequest {
        let authorization =
            "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/\(service)/aws4_request, "
            + "SignedHeaders=host, Signature=00"
        return HTTPRequest(
            method: "POST", url: proxy.baseURL + "/", headers: ["Authorization": authorization, "Host": "moto.test"],
            body: Array(body.utf8))
    }

    /// An upstream answering every request with a reply holding credential values.
    private static func upstream() throws -> LoopbackServer {
        try LoopbackServer { _ in
            .text(200, "<R><SecretAccessKey>s3cr3t</SecretAccessKey><SessionToken>t0k3n</SessionToken></R>")
        }
    }

    /// What one client sees for each of `count` requests: the status, or nil for a dropped connection.
    private static func statuses(_ proxy: FaultProxy, count: Int, service: String) async throws -> [Int?] {
        let transport = try CurlTransport()
        var statuses: [Int?] = []
        for _ in 0..<count {
            statuses.append(try? await transport.send(request(proxy, service: service)).status)
        }
        return statuses
    }

    @Test func aSeedReplaysTheSameFaultsAndCountsEachKind() async throws {
        let upstream = try Self.upstream()
        defer { upstream.stop() }
        var runs: [[FaultProxyKind?]] = []
        for _ in 0..<2 {
            let proxy = try FaultProxy(upstream: upstream.baseURL, seed: 42, rate: 0.5, delay: .milliseconds(5))
            defer { proxy.stop() }
            _ = try await Self.statuses(proxy, count: 40, service: "iam")
            runs.append(proxy.log.map(\.fault))
            #expect(proxy.faultCount == proxy.log.compactMap(\.fault).count)
            #expect(proxy.faultCount > 10 && proxy.faultCount < 30)
        }
        #expect(runs[0] == runs[1])
        #expect(Set(runs[0].compactMap { $0 }) == Set(FaultProxyKind.allCases))
    }

    @Test(arguments: [
        ("iam", 400, "<Code>Throttling</Code>"), ("sts", 400, "<ErrorResponse>"),
        ("cloudtrail", 400, "\"__type\":\"ThrottlingException\""), ("s3", 503, "<Code>SlowDown</Code>"),
    ])
    func throttlingTakesEachProtocolsOwnShape(service: String, status: Int, fragment: String) async throws {
        let upstream = try Self.upstream()
        defer { upstream.stop() }
        let proxy = try FaultProxy(upstream: upstream.baseURL, rate: 1, kinds: [.throttling])
        defer { proxy.stop() }

        let response = try await CurlTransport().send(Self.request(proxy, service: service))

        #expect(response.status == status)
        #expect(String(decoding: response.body, as: UTF8.self).contains(fragment))
        #expect(upstream.receivedRequests == 0)
    }

    @Test func dropAfterForwardingReachesTheUpstreamButLosesTheReply() async throws {
        let upstream = try Self.upstream()
        defer { upstream.stop() }
        let proxy = try FaultProxy(
            upstream: upstream.baseURL, rule: FaultProxy.once(.dropAfterForwarding, operation: "GetUser"))
        defer { proxy.stop() }

        let statuses = try await Self.statuses(proxy, count: 2, service: "iam")

        #expect(statuses == [nil, 200])
        #expect(upstream.receivedRequests == 2)
        #expect(proxy.counts == [.dropAfterForwarding: 1])
        #expect(proxy.recordedSecrets == ["s3cr3t", "t0k3n", "00"], "the replies' secrets and the requests' signature")
    }

    @Test func dropBeforeForwardingNeverReachesTheUpstream() async throws {
        let upstream = try Self.upstream()
        defer { upstream.stop() }
        let proxy = try FaultProxy(upstream: upstream.baseURL, rate: 1, kinds: [.dropBeforeForwarding])
        defer { proxy.stop() }

        let statuses = try await Self.statuses(proxy, count: 3, service: "sts")

        #expect(statuses == [nil, nil, nil])
        #expect(upstream.receivedRequests == 0)
    }

    @Test func operationsAreReadFromEachProtocol() {
        func read(_ method: String, _ target: String, _ headers: HTTPHeaders, _ body: String = "") -> String {
            let received = LoopbackServer.ReceivedRequest(
                method: method, target: target, headers: headers, body: Array(body.utf8), connection: 1)
            return FaultProxyRequest(received, index: 0).operation
        }
        let scope = { (service: String) in "AWS4-HMAC-SHA256 Credential=A/20260101/us-east-1/\(service)/aws4_request" }
        #expect(
            read("POST", "/", ["Authorization": scope("iam")], "Action=CreateAccessKey&UserName=u") == "CreateAccessKey"
        )
        #expect(
            read(
                "POST", "/",
                [
                    "Authorization": scope("cloudtrail"),
                    "X-Amz-Target": "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.StartLogging",
                ])
                == "StartLogging")
        #expect(read("PUT", "/bucket", ["Authorization": scope("s3")]) == "CreateBucket")
        #expect(read("PUT", "/bucket?policy=", ["Authorization": scope("s3")]) == "PutBucketPolicy")
        #expect(read("GET", "/bucket?policy", [:]) == "GetBucketPolicy")
    }
}
