import HTTP

extension LoopbackServer {
    /// What the loopback server does with a request.
    public enum Reply: Sendable {
        /// Answers with `status`, `headers` and `body`, after waiting `delay`.
        ///
        /// `Content-Length` is added unless `headers` has one; for `HEAD` the body is counted but not sent.
        case respond(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], delay: Duration = .zero)
        /// Closes the connection without answering.
        case closeConnection
        /// Sends the request on to `upstream` (a base URL such as `http://127.0.0.1:9000`) and relays
        /// the answer, or answers 502 when the upstream cannot be reached.
        case forward(to: String)

        /// Answers with a UTF-8 text body.
        public static func text(_ status: Int, _ text: String, headers: HTTPHeaders = HTTPHeaders()) -> Reply {
            .respond(status: status, headers: headers, body: Array(text.utf8))
        }
    }
}

extension LoopbackServer.Reply {
    /// The reason phrase for the status line; clients ignore it, so a generic one is enough.
    static func reason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    /// The bytes of a complete response: status line, headers, blank line and, unless `isHead`, the body.
    static func encode(status: Int, headers: HTTPHeaders, body: [UInt8], isHead: Bool, closing: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(reason(for: status))\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        let bodyless = status < 200 || status == 204 || status == 304
        if !bodyless, !headers.contains(name: "Content-Length") {
            head += "Content-Length: \(body.count)\r\n"
        }
        if closing, !headers.contains(name: "Connection") {
            head += "Connection: close\r\n"
        }
        head += "\r\n"
        return Array(head.utf8) + (isHead || bodyless ? [] : body)
    }
}
