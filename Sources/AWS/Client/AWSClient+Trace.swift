import HTTP

extension AWSClient {
    /// Traces a request with its secrets masked: the `Authorization` and security-token headers
    /// and any secret field in the body.
    func trace(_ request: HTTPRequest, operation: String) {
        guard context.logger.isEnabled(.trace) else { return }
        let redactor = Redactor()
        var metadata: [(String, String)] = [("operation", operation), ("method", request.method), ("url", request.url)]
        for header in request.headers {
            metadata.append((header.name, redactor.redactHeader(name: header.name, value: header.value)))
        }
        metadata.append(("body", redactor.redact(String(decoding: request.body, as: UTF8.self))))
        context.logger.trace("request", metadata)
    }

    /// Traces a reply with secret fields in its body masked.
    func trace(_ response: HTTPResponse, operation: String) {
        guard context.logger.isEnabled(.trace) else { return }
        let body = Redactor().redact(String(decoding: response.body, as: UTF8.self))
        context.logger.trace("response", [("operation", operation), ("status", "\(response.status)"), ("body", body)])
    }
}
