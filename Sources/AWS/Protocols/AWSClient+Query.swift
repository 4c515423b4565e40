import SigV4

extension AWSClient {
    /// Calls an operation of a query-protocol service (STS, IAM): a form-encoded `POST /` with
    /// `Action` and `Version`, answered with XML.
    ///
    /// Returns the `<ActionResult>` element (or the whole document when it has none).
    /// - Throws: `AWSError`, including `.malformedResponse` for a reply that is not the expected XML.
    public func query(
        action: String, version: String, parameters: [(String, String)] = [], isMutating: Bool
    ) async throws(AWSError) -> XMLElementTree {
        let items =
            [QueryItem(name: "Action", value: action), QueryItem(name: "Version", value: version)]
            + parameters.map { QueryItem(name: $0.0, value: $0.1) }
        let body = Array(SigV4Signer.encodeQuery(items).utf8)
        let request = AWSRequest(
            operation: action, isMutating: isMutating, method: "POST", path: "/",
            headers: [Header(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")],
            body: body)
        let response = try await send(request)
        if ErrorDecoder.isHTML(response.body) {
            throw .malformedResponse(
                service: service, operation: action, status: response.status, reason: ErrorDecoder.htmlReply)
        }
        let document: XMLElementTree
        do {
            document = try XMLElementTree.parse(response.body)
        } catch {
            throw .malformedResponse(service: service, operation: action, status: response.status, reason: "\(error)")
        }
        guard document.name == "\(action)Response" else {
            throw .malformedResponse(
                service: service, operation: action, status: response.status,
                reason: "expected <\(action)Response>, got <\(document.name)>")
        }
        return document.child("\(action)Result") ?? document
    }
}

extension XMLElementTree {
    /// The text at `path`, or a `.malformedResponse` error naming the missing element.
    /// - Throws: `AWSError.malformedResponse` when the element is absent.
    public func required(
        _ path: String..., service: ServiceID, operation: String
    ) throws(AWSError) -> String {
        guard let value = element(atPath: path)?.text else {
            throw .malformedResponse(
                service: service, operation: operation, status: 200,
                reason: "the reply lacks <\(path.joined(separator: "/"))>")
        }
        return value
    }
}
