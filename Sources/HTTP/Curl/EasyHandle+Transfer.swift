internal import CCurl
internal import CCurlShims

extension EasyHandle {
    /// Runs `request` to completion on the calling thread (which must be `queue`) and returns the response.
    ///
    /// The handle is reset before and after, so no pointer into this call's header list, collector or
    /// body survives it, while the handle's connections stay open for the next request.
    ///
    /// - Throws: ``HTTPError`` for any libcurl failure, or `CancellationError` once `cancellation` is raised.
    func transfer(
        _ request: HTTPRequest, settings: CurlTransport.Options, cancellation: CancellationFlag
    ) throws -> HTTPResponse {
        let target = "\(request.method) \(URLParts.origin(request.url))"
        defer { try? reset() }
        do {
            try reset()
            let headers = try HeaderList(request.headers)
            let collector = ResponseCollector(cancellation: cancellation)
            let body = try configure(for: request, settings: settings, headers: headers, collector: collector)
            let outcome = withExtendedLifetime((headers, collector)) { perform(body: body) }
            guard outcome.code == CURLE_OK else {
                if outcome.code == CURLE_ABORTED_BY_CALLBACK, cancellation.isRaised {
                    throw CancellationError()
                }
                throw HTTPError(
                    curlCode: outcome.code, operation: outcome.operation, detail: errorDetail,
                    requestBytesSent: info(CURLINFO_REQUEST_SIZE), target: target)
            }
            return HTTPResponse(
                status: info(CURLINFO_RESPONSE_CODE) ?? 0, headers: collector.headers, body: collector.body)
        } catch var error as HTTPError {
            error.target = target
            throw error
        }
    }

    /// Sets every option for `request`; returns the body to send, or `nil` when the method sends none.
    ///
    /// - Throws: ``HTTPError`` naming the option libcurl rejected.
    private func configure(
        for request: HTTPRequest, settings: CurlTransport.Options, headers: HeaderList, collector: ResponseCollector
    ) throws -> [UInt8]? {
        try set(CURLOPT_URL, request.url, name: "CURLOPT_URL")
        try set(CURLOPT_PROTOCOLS_STR, "http,https", name: "CURLOPT_PROTOCOLS_STR")
        // S3 and STS speak HTTP/1.1; pinning it keeps status lines and connection reuse predictable.
        try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1), name: "CURLOPT_HTTP_VERSION")
        // Timeouts must not use signals: transfers run on many threads at once.
        try set(CURLOPT_NOSIGNAL, 1, name: "CURLOPT_NOSIGNAL")
        try set(CURLOPT_CONNECTTIMEOUT_MS, settings.connectTimeout.curlMilliseconds, name: "CURLOPT_CONNECTTIMEOUT_MS")
        try set(CURLOPT_TIMEOUT_MS, settings.requestTimeout.curlMilliseconds, name: "CURLOPT_TIMEOUT_MS")
        try set(CURLOPT_SSL_VERIFYPEER, 1, name: "CURLOPT_SSL_VERIFYPEER")
        try set(CURLOPT_SSL_VERIFYHOST, 2, name: "CURLOPT_SSL_VERIFYHOST")
        if let bundle = settings.caBundlePath {
            try set(CURLOPT_CAINFO, bundle, name: "CURLOPT_CAINFO")
        }
        try set(CURLOPT_USERAGENT, settings.userAgent, name: "CURLOPT_USERAGENT")
        try set(CURLOPT_HTTPHEADER, headers, name: "CURLOPT_HTTPHEADER")
        try set(
            callback: CURLOPT_HEADERFUNCTION, ResponseCollector.headerCallback, data: CURLOPT_HEADERDATA,
            collector.context, name: "CURLOPT_HEADERFUNCTION")
        try set(
            callback: CURLOPT_WRITEFUNCTION, ResponseCollector.bodyCallback, data: CURLOPT_WRITEDATA,
            collector.context, name: "CURLOPT_WRITEFUNCTION")
        try set(progress: ResponseCollector.progressCallback, collector.context)
        return try configureMethod(of: request)
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
