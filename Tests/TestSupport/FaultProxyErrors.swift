import HTTP

/// The error replies the ``FaultProxy`` answers with, each in its protocol's own shape.
enum FaultProxyErrors {
    /// HTTP 503 `SlowDown` in S3's XML error shape.
    static func slowDown() -> LoopbackServer.Reply {
        s3Error(status: 503, code: "SlowDown", message: "Please reduce your request rate.")
    }

    /// HTTP 500 `InternalError` in the shape of `request.service`'s protocol.
    static func internalError(for request: FaultProxyRequest) -> LoopbackServer.Reply {
        error(status: 500, code: "InternalError", message: "We encountered an internal error.", for: request)
    }

    /// A throttling error in the shape of `request.service`'s protocol: `Throttling` (query XML, HTTP 400),
    /// `ThrottlingException` (JSON 1.1, HTTP 400) or `SlowDown` (S3 XML, HTTP 503).
    static func throttling(for request: FaultProxyRequest) -> LoopbackServer.Reply {
        switch request.service {
        case "s3": slowDown()
        case "cloudtrail": json(status: 400, type: "ThrottlingException", message: "Rate exceeded")
        default: query(status: 400, code: "Throttling", message: "Rate exceeded")
        }
    }

    /// An error with `code` in the shape of `request.service`'s protocol.
    private static func error(
        status: Int, code: String, message: String, for request: FaultProxyRequest
    ) -> LoopbackServer.Reply {
        switch request.service {
        case "s3": s3Error(status: status, code: code, message: message)
        case "cloudtrail": json(status: status, type: code, message: message)
        default: query(status: status, code: code, message: message)
        }
    }

    /// S3's REST-XML error: `<Error><Code>...`.
    private static func s3Error(status: Int, code: String, message: String) -> LoopbackServer.Reply {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>\(code)</Code><Message>\(message)</Message><RequestId>FAULTPROXY</RequestId></Error>
            """
        return .text(status, body, headers: ["Content-Type": "application/xml"])
    }

    /// The query protocol's XML error (IAM, STS): `<ErrorResponse><Error><Code>...`.
    private static func query(status: Int, code: String, message: String) -> LoopbackServer.Reply {
        let body = """
            <ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error>\
            <RequestId>FAULTPROXY</RequestId></ErrorResponse>
            """
        return .text(status, body, headers: ["Content-Type": "text/xml"])
    }

    /// The JSON 1.1 error (CloudTrail): `{"__type": ..., "message": ...}`.
    private static func json(status: Int, type: String, message: String) -> LoopbackServer.Reply {
        let body = "{\"__type\":\"\(type)\",\"message\":\"\(message)\"}"
        return .text(status, body, headers: ["Content-Type": "application/x-amz-json-1.1"])
    }
}
