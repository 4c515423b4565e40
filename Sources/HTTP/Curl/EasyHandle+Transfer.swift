internal import CCurl
internal import CCurlShims

extension EasyHandle {
    /// Resets the handle and sets every option for `request`, so that adding it to a multi handle
    /// starts the transfer.
    ///
    /// The reset clears every pointer a previous transfer left (header list, collector, body copy).
    ///
    /// - Returns: the header list and the collector the callbacks write to; the caller keeps both
    ///   alive until the handle has been removed from the multi handle and reset.
    /// - Throws: ``HTTPError`` naming the option libcurl rejected or the header field that cannot be sent.
    func prepare(
        _ request: HTTPRequest, settings: CurlTransport.Options
    ) throws -> (headers: HeaderList, collector: ResponseCollector) {
        try reset()
        let headers = try HeaderList(request.headers)
        let collector = ResponseCollector()
        try configure(for: request, settings: settings, headers: headers, collector: collector)
        if let body = try configureMethod(of: request) {
            try set(body: body)
        }
        return (headers, collector)
    }

    /// The response of the transfer that has just finished with `code`, or the error that ended it.
    ///
    /// A failed transfer is reported under `curl_easy_perform`: the multi handle runs what that call
    /// would run and ends with the code it would return, and messages already name it.
    func outcome(of code: CURLcode, collector: ResponseCollector, target: String) -> Result<HTTPResponse, any Error> {
        guard code == CURLE_OK else {
            return .failure(
                HTTPError(
                    curlCode: code, operation: "curl_easy_perform", detail: errorDetail,
                    requestBytesSent: info(CURLINFO_REQUEST_SIZE), target: target))
        }
        return .success(
            HTTPResponse(status: info(CURLINFO_RESPONSE_CODE) ?? 0, headers: collector.headers, body: collector.body))
    }

    /// Sets every option for `request` but its method and body.
    ///
    /// - Throws: ``HTTPError`` naming the option libcurl rejected.
    private func configure(
        for request: HTTPRequest, settings: CurlTransport.Options, headers: HeaderList, collector: ResponseCollector
    ) throws {
        try set(CURLOPT_URL, request.url, name: "CURLOPT_URL")
        try set(CURLOPT_PROTOCOLS_STR, "http,https", name: "CURLOPT_PROTOCOLS_STR")
        // S3 and STS speak HTTP/1.1; pinning it keeps status lines and connection reuse predictable.
        try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1), name: "CURLOPT_HTTP_VERSION")
        // Timeouts must not use signals: the process has many threads, and any of them could take it.
        try set(CURLOPT_NOSIGNAL, 1, name: "CURLOPT_NOSIGNAL")
        try set(CURLOPT_CONNECTTIMEOUT_MS, settings.connectTimeout.curlMilliseconds, name: "CURLOPT_CONNECTTIMEOUT_MS")
        try set(CURLOPT_TIMEOUT_MS, settings.requestTimeout.curlMilliseconds, name: "CURLOPT_TIMEOUT_MS")
        try set(CURLOPT_SSL_VERIFYPEER, 1, name: "CURLOPT_SSL_VERIFYPEER")
        try set(CURLOPT_SSL_VERIFYHOST, 2, name: "CURLOPT_SSL_VERIFYHOST")
        if let bundle = settings.caBundlePath {
            try set(CURLOPT_CAINFO, bundle, name: "CURLOPT_CAINFO")
        }
        if settings.maxIdleConnections <= 0 {
            // The multi handle's cache cannot be made empty (libcurl reads 0 as "no limit").
            try set(CURLOPT_FORBID_REUSE, 1, name: "CURLOPT_FORBID_REUSE")
        }
        // AWS's replies are a few KB; libcurl's default 16 KB receive buffer per transfer is 1.6 MB
        // at a hundred transfers in flight. A larger reply is read in more pieces, not cut.
        try set(CURLOPT_BUFFERSIZE, 4096, name: "CURLOPT_BUFFERSIZE")
        try set(CURLOPT_USERAGENT, settings.userAgent, name: "CURLOPT_USERAGENT")
        try set(CURLOPT_HTTPHEADER, headers, name: "CURLOPT_HTTPHEADER")
        try set(
            callback: CURLOPT_HEADERFUNCTION, ResponseCollector.headerCallback, data: CURLOPT_HEADERDATA,
            collector.context, name: "CURLOPT_HEADERFUNCTION")
        try set(
            callback: CURLOPT_WRITEFUNCTION, ResponseCollector.bodyCallback, data: CURLOPT_WRITEDATA,
            collector.context, name: "CURLOPT_WRITEFUNCTION")
    }

    /// Chooses how libcurl sends the method and body; returns the body, or `nil` when none is sent.
    ///
    /// `HEAD` uses `CURLOPT_NOBODY` so libcurl does not wait for a body (a `HEAD` request's body is
    /// not sent). Methods that carry a body (or
    /// always send a length, like `PUT` and `POST`) go out as a POST with the method name substituted.
    ///
    /// - Throws: ``HTTPError`` naming the option libcurl rejected.
    private func configureMethod(of request: HTTPRequest) throws -> [UInt8]? {
        let method = request.method
        if method == "HEAD" {
            try set(CURLOPT_NOBODY, 1, name: "CURLOPT_NOBODY")
            return nil
        }
        let sendsBody = !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(method)
        if sendsBody {
            try set(CURLOPT_POST, 1, name: "CURLOPT_POST")
        } else {
            try set(CURLOPT_HTTPGET, 1, name: "CURLOPT_HTTPGET")
        }
        if method != (sendsBody ? "POST" : "GET") {
            try set(CURLOPT_CUSTOMREQUEST, method, name: "CURLOPT_CUSTOMREQUEST")
        }
        return sendsBody ? request.body : nil
    }
}

extension Duration {
    /// The duration in whole milliseconds for a libcurl timeout, at least 1 (0 would mean "no limit").
    fileprivate var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        guard !milliseconds.overflow else {
            return Int.max
        }
        return max(1, Int(clamping: milliseconds.partialValue + attoseconds / 1_000_000_000_000_000))
    }
}
