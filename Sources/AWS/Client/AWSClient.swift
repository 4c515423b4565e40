import Foundation
import HTTP
import SigV4

/// A client for one service at one endpoint with one identity: signs, sends and retries requests.
///
/// Immutable and shared: a class, so the service clients built on it (and every closure and async
/// frame holding one) carry a reference instead of its 360 bytes.
public final class AWSClient: Sendable {
    /// The service.
    public let service: ServiceID
    /// Where requests go and the signing region.
    public let endpoint: Endpoint
    /// The identity requests are signed with.
    public let credentials: any CredentialProvider
    /// What the session's clients share.
    public let context: ClientContext
    private let signer: SigV4Signer
    /// The endpoint's base path, percent-decoded once (requests' raw paths are appended to it); nil
    /// when it does not decode, and requests then go to their own path alone.
    private let basePath: String?

    /// Creates a client.
    public init(service: ServiceID, endpoint: Endpoint, credentials: any CredentialProvider, context: ClientContext) {
        self.service = service
        self.endpoint = endpoint
        self.credentials = credentials
        self.context = context
        let options: SigV4Signer.Options = service == .s3 ? .s3 : .standard
        self.signer = SigV4Signer(service: service.signingName, region: endpoint.signingRegion, options: options)
        self.basePath = PercentDecoding.decode(endpoint.basePath)
    }

    /// Sends `request`, retrying as the retry policy allows, and returns the successful reply.
    /// - Throws: `AWSError` for a service error, a transport failure, missing credentials or an interrupt.
    public func send(_ request: AWSRequest) async throws(AWSError) -> HTTPResponse {
        if request.isMutating && context.refusesMutations {
            throw .signing("\(request.operation) changes state and this run is a dry run")
        }
        var attempt = 1
        var retryCost: Int?
        var refreshedCredentials = false
        while true {
            guard !context.isInterrupted(), !Task.isCancelled else {
                throw .cancelled(service: service, operation: request.operation)
            }
            let outcome = await attemptOnce(request, attempt: attempt)
            let error: AWSError
            switch outcome {
            case .success(let response):
                context.retry.quota.recordSuccess(retryCost: retryCost)
                return response
            case .failure(let failure):
                error = failure
            }
            let category = RetryPolicy.classify(error)
            if category == .expiredCredentials && !refreshedCredentials {
                refreshedCredentials = true
                await credentials.invalidate()
                continue
            }
            switch context.retry.decide(after: error, attempt: attempt) {
            case .retry(let delay, let cost):
                retryCost = (retryCost ?? 0) + cost
                context.logger.debug(
                    "retrying",
                    [("operation", request.operation), ("attempt", "\(attempt + 1)"), ("delay", "\(delay)")])
                try await wait(delay, operation: request.operation)
                attempt += 1
            case .fail, .quotaExhausted:
                throw error
            }
        }
    }

    private func attemptOnce(_ request: AWSRequest, attempt: Int) async -> Result<HTTPResponse, AWSError> {
        let started = context.clock.now()
        let httpRequest: HTTPRequest
        do {
            httpRequest = try await signedRequest(request)
        } catch {
            return .failure(error)
        }
        trace(httpRequest, operation: request.operation)
        do {
            let response = try await context.transport.send(httpRequest)
            report(request, attempt: attempt, status: response.status, started: started)
            trace(response, operation: request.operation)
            guard (200..<300).contains(response.status) else {
                let error = ErrorDecoder.decode(
                    response, service: service, operation: request.operation, now: context.clock.now())
                return .failure(error)
            }
            return .success(response)
        } catch let error as HTTPError {
            report(request, attempt: attempt, status: nil, started: started)
            return .failure(.transport(service: service, operation: request.operation, error))
        } catch {
            report(request, attempt: attempt, status: nil, started: started)
            return .failure(
                .transport(
                    service: service, operation: request.operation,
                    HTTPError(kind: .other, operation: "send", message: "\(error)", requestMayHaveReachedServer: true)))
        }
    }

    /// Signs `request` with current credentials and builds the wire request.
    private func signedRequest(_ request: AWSRequest) async throws(AWSError) -> HTTPRequest {
        guard request.isSigned else { return unsignedRequest(request) }
        let current: Credentials
        do {
            current = try await credentials.credentials()
        } catch let error as CredentialError {
            throw .credentials(error)
        } catch let error as AWSError {
            throw error
        } catch {
            throw .credentials(.incomplete(source: "credential provider", missing: "\(error)"))
        }
        let path = basePath.map { $0 + request.path } ?? request.path
        let unsigned = SignableRequest(
            method: request.method, host: endpoint.hostHeader, path: path, query: request.query,
            headers: request.headers, body: request.body)
        let signed: SignableRequest
        do {
            signed = try signer.sign(unsigned, credentials: current.signing, date: context.clock.now())
        } catch {
            throw .signing("\(error)")
        }
        var url = "\(endpoint.scheme)://\(endpoint.hostHeader)\(SigV4Signer.encodePath(path))"
        if !signed.query.isEmpty { url += "?" + SigV4Signer.encodeQuery(signed.query) }
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: endpoint.hostHeader)
        for header in signed.headers { headers.add(name: header.name, value: header.value) }
        return HTTPRequest(method: request.method, url: url, headers: headers, body: request.body)
    }

    /// Builds the wire request of an operation that is not SigV4-signed.
    private func unsignedRequest(_ request: AWSRequest) -> HTTPRequest {
        let path = basePath.map { $0 + request.path } ?? request.path
        var url = "\(endpoint.scheme)://\(endpoint.hostHeader)\(SigV4Signer.encodePath(path))"
        if !request.query.isEmpty { url += "?" + SigV4Signer.encodeQuery(request.query) }
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: endpoint.hostHeader)
        for header in request.headers { headers.add(name: header.name, value: header.value) }
        return HTTPRequest(method: request.method, url: url, headers: headers, body: request.body)
    }

    /// Waits `seconds` before a retry; ends at once, throwing `.cancelled`, when the task is cancelled or the
    /// interrupt flag is raised (it is polled every 50 ms, so a 20-second backoff does not delay a Ctrl-C).
    private func wait(_ seconds: TimeInterval, operation: String) async throws(AWSError) {
        let clock = context.clock
        let isInterrupted = context.isInterrupted
        let slept = await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await clock.sleep(seconds)) != nil }
            group.addTask {
                while !isInterrupted() {
                    guard (try? await Task.sleep(nanoseconds: 50_000_000)) != nil else { return false }
                }
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !slept || context.isInterrupted() || Task.isCancelled {
            throw .cancelled(service: service, operation: operation)
        }
    }

    private func report(_ request: AWSRequest, attempt: Int, status: Int?, started: Date) {
        guard let observer = context.observer else { return }
        let seconds = context.clock.now().timeIntervalSince(started)
        observer(
            CallRecord(
                service: service, operation: request.operation, isMutating: request.isMutating, attempt: attempt,
                status: status, seconds: seconds))
    }
}
