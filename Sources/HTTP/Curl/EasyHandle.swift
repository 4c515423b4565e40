internal import CCurl
internal import CCurlShims

/// Owns one libcurl easy handle and its error buffer: the settings and state of one transfer at a time.
///
/// Connections are not the handle's: while it is added to a ``MultiHandle`` it borrows them from the
/// multi handle's cache, and gives them back when removed. Only the ``TransferLoop`` thread uses it.
final class EasyHandle {
    /// The libcurl handle; freed in `deinit`. ``MultiHandle`` adds and removes it, and finds it again
    /// by this address when a transfer finishes.
    let handle: UnsafeMutableRawPointer
    /// The `CURLOPT_ERRORBUFFER` memory, `CURL_ERROR_SIZE` bytes; freed in `deinit`.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Creates a handle.
    ///
    /// - Throws: ``HTTPError`` when libcurl cannot be initialised or cannot allocate a handle.
    init() throws {
        try CurlGlobal.initialize()
        guard let handle = curl_easy_init() else {
            throw HTTPError(
                kind: .other, operation: "curl_easy_init", message: "libcurl could not create a handle",
                requestMayHaveReachedServer: false)
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Clears every option, including pointers left from the last transfer; then reinstalls the
    /// error buffer.
    ///
    /// - Throws: ``HTTPError`` if the error buffer cannot be installed.
    func reset() throws {
        curl_easy_reset(handle)
        errorBuffer[0] = 0
        try check(s3x_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
    }

    /// Sets an option whose argument is a long.
    ///
    /// - Throws: ``HTTPError`` naming the option when libcurl rejects it.
    func set(_ option: CURLoption, _ value: Int, name: String) throws {
        try check(s3x_curl_easy_setopt_long(handle, option, value), name)
    }

    /// Sets an option whose argument is a string; libcurl keeps its own copy.
    ///
    /// - Throws: ``HTTPError`` naming the option when libcurl rejects it.
    func set(_ option: CURLoption, _ value: String, name: String) throws {
        try check(s3x_curl_easy_setopt_string(handle, option, value), name)
    }

    /// Sets an option whose argument is a header list, which must outlive the transfer.
    ///
    /// - Throws: ``HTTPError`` naming the option when libcurl rejects it.
    func set(_ option: CURLoption, _ list: HeaderList, name: String) throws {
        try check(s3x_curl_easy_setopt_slist(handle, option, list.head), name)
    }

    /// Installs a body or header callback and the object it receives; the caller keeps `context` alive
    /// until the transfer ends.
    ///
    /// - Throws: ``HTTPError`` naming the option when libcurl rejects it.
    func set(
        callback: CURLoption, _ function: curl_write_callback, data: CURLoption, _ context: UnsafeMutableRawPointer,
        name: String
    ) throws {
        try check(s3x_curl_easy_setopt_write_callback(handle, callback, function), name)
        try check(s3x_curl_easy_setopt_pointer(handle, data, context), name)
    }

    /// Sets the request body; libcurl keeps a copy of it until the next reset, so `body` need not
    /// outlive this call.
    ///
    /// - Throws: ``HTTPError`` when libcurl rejects it or cannot allocate the copy.
    func set(body: [UInt8]) throws {
        try body.withUnsafeBytes { bytes in
            let code = s3x_curl_easy_setopt_copypostfields(handle, bytes.baseAddress, curl_off_t(bytes.count))
            try check(code, "CURLOPT_COPYPOSTFIELDS")
        }
    }

    /// Reads a piece of information of type long, or `nil` when libcurl has none.
    func info(_ info: CURLINFO) -> Int? {
        var value = 0
        return s3x_curl_easy_getinfo_long(handle, info, &value) == CURLE_OK ? value : nil
    }

    /// The text libcurl wrote into the error buffer for the last failure, possibly empty.
    var errorDetail: String {
        errorBuffer[Int(CURL_ERROR_SIZE) - 1] = 0
        return String(cString: errorBuffer).trimmingSuffix()
    }

    /// Throws when a setup call failed.
    ///
    /// - Throws: ``HTTPError`` naming `operation`.
    private func check(_ code: CURLcode, _ operation: String) throws {
        guard code == CURLE_OK else {
            throw HTTPError(curlCode: code, operation: operation, detail: "", requestBytesSent: 0, target: "")
        }
    }
}

extension String {
    /// The string without trailing newlines and spaces, which libcurl's error texts often end with.
    fileprivate func trimmingSuffix() -> String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace {
            text.removeLast()
        }
        return String(text)
    }
}
