import AWS
import HTTP
import Testing

/// The "standard" retry mode's classification, attempt limits and backoff (AWS SDKs and Tools
/// reference guide, "Retry behavior").
@Suite struct RetryPolicyTests {
    private static func serviceError(_ code: String, status: Int) -> AWSError {
        .service(ServiceError(service: .iam, operation: "CreateRole", status: status, code: code, message: ""))
    }

    private static func wireError(_ kind: HTTPError.Kind) -> AWSError {
        .transport(
            service: .s3, operation: "GetBucketPolicy",
            HTTPError(kind: kind, operation: "curl_easy_perform", message: "m", requestMayHaveReachedServer: true))
    }

    @Test(arguments: [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ])
    func throttlingCodesAreRetried(code: String) {
        let error = Self.serviceError(code, status: 400)
        #expect(RetryPolicy.classify(error) == .throttling)
        #expect(RetryPolicy(random: { 0.5 }).decide(after: error, attempt: 1) == .retry(after: 0.5, cost: 5))
    }

    @Test(arguments: [500, 502, 503, 504])
    func serverStatusesAreTransient(status: Int) {
        #expect(RetryPolicy.classify(Self.serviceError("HTTP\(status)", status: status)) == .transient)
        let html = AWSError.malformedResponse(service: .sts, operation: "X", status: status, reason: "HTML")
        #expect(RetryPolicy.classify(html) == .transient)
    }

    @Test(arguments: [
        ("RequestTimeout", 400), ("InternalError", 500), ("InternalFailure", 500), ("ServiceUnavailable", 503),
        ("IDPCommunicationError", 400),
    ])
    func transientCodesAreRetried(code: String, status: Int) {
        #expect(RetryPolicy.classify(Self.serviceError(code, status: status)) == .transient)
    }

    @Test(arguments: [HTTPError.Kind.couldNotConnect, .sendFailed, .receiveFailed])
    func connectionFailuresAreTransient(kind: HTTPError.Kind) {
        #expect(RetryPolicy.classify(Self.wireError(kind)) == .transient)
    }

    @Test func timeoutsAreRetriedAtTheHigherCost() {
        let error = Self.wireError(.timedOut)
        #expect(RetryPolicy.classify(error) == .timeout)
        let quota = RetryQuota()
        #expect(RetryPolicy(quota: quota, random: { 0 }).decide(after: error, attempt: 1) == .retry(after: 0, cost: 10))
        #expect(quota.available == 490)
    }

    @Test(arguments: [
        ("LimitExceeded", 409), ("AccessDenied", 403), ("EntityAlreadyExists", 409), ("NoSuchEntity", 404),
        ("ValidationError", 400), ("MalformedPolicyDocument", 400), ("Forbidden", 403), ("NotFound", 404),
    ])
    func clientErrorsAreNotRetried(code: String, status: Int) {
        let error = Self.serviceError(code, status: status)
        #expect(RetryPolicy.classify(error) == .permanent)
        let quota = RetryQuota()
        #expect(RetryPolicy(quota: quota).decide(after: error, attempt: 1) == .fail(.permanent))
        #expect(quota.available == 500)
    }

    @Test func tlsFailuresAndMalformed4xxRepliesAreNotRetried() {
        #expect(RetryPolicy.classify(Self.wireError(.tls)) == .permanent)
        let reply = AWSError.malformedResponse(service: .sts, operation: "X", status: 200, reason: "truncated")
        #expect(RetryPolicy.classify(reply) == .permanent)
    }

    @Test(arguments: ["ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired"])
    func expiredCredentialsAreNotRetriedByThePolicy(code: String) {
        let error = Self.serviceError(code, status: 400)
        #expect(RetryPolicy.classify(error) == .expiredCredentials)
        #expect(RetryPolicy().decide(after: error, attempt: 1) == .fail(.expiredCredentials))
    }

    @Test func theLastAttemptIsNotRetried() {
        let policy = RetryPolicy(random: { 0.5 })
        let error = Self.serviceError("Throttling", status: 400)
        #expect(policy.maxAttempts == 3)
        #expect(policy.decide(after: error, attempt: 2) == .retry(after: 1, cost: 5))
        #expect(policy.decide(after: error, attempt: 3) == .fail(.throttling))
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }

    @Test func maxAttemptsComeFromTheEnvironmentThenTheProfile() throws {
        let config = try SharedConfig.parse(config: "[profile p]\nmax_attempts = 7\n[profile bad]\nmax_attempts = x\n")
        let profile = config.profiles["p"]
        let configured = RetryPolicy.configuredMaxAttempts
        #expect(configured(Environment(["AWS_MAX_ATTEMPTS": "5"]), profile) == 5)
        #expect(configured(Environment([:]), profile) == 7)
        #expect(configured(Environment(["AWS_MAX_ATTEMPTS": ""]), profile) == 7)
        #expect(configured(Environment([:]), nil) == nil)
        #expect(configured(Environment(["AWS_MAX_ATTEMPTS": "0"]), nil) == nil)
        #expect(configured(Environment(["AWS_MAX_ATTEMPTS": "three"]), nil) == nil)
        #expect(configured(Environment([:]), config.profiles["bad"]) == nil)
    }

    @Test func backoffIsFullJitterCappedAtTwentySeconds() {
        let policy = RetryPolicy(random: { 0.999 })
        let waits = (1...8).map { policy.backoff(attempt: $0) }
        #expect(waits == [0.999, 1.998, 3.996, 7.992, 15.984, 19.98, 19.98, 19.98])
        #expect(RetryPolicy(random: { 0 }).backoff(attempt: 5) == 0)
    }
}
