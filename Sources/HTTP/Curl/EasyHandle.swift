internal import CCurl
internal import CCurlShims
import Dispatch

/// Owns one libcurl easy handle, its error buffer and the queue its blocking transfers run on.
///
/// A handle keeps its own connection cache, so reusing it for the next request to the same host
/// reuses the connection. It is `@unchecked Sendable` because ``HandlePool`` lends it to exactly
/// one request at a time, and that request touches it only from `queue`.
final class EasyHandle: @unchecked Sendable {
    /// The libcurl handle; freed in `deinit`.
    private let handle: UnsafeMutableRawPointer
    /// The `CURLOPT_ERRORBUFFER` memory, `CURL_ERROR_SIZE` bytes; freed in `deinit`.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// The serial queue that runs this handle's `curl_easy_perform`, off Swift's cooperative pool.
    ///
    /// A queue made this way targets an overcommitting global queue, so each busy handle gets a thread
    /// of its own and blocking transfers never starve one another.
    let queue = DispatchQueue(label: "s3x.http.curl-easy-handle")

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

    /// Clears every option, including pointers left from the last transfer, while keeping the
    /// handle's open connections; then reinstalls the error buffer.
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

    /// Installs the progress callback, which libcurl calls at least once a second, and its context.
    ///
    /// - Throws: ``HTTPError`` when libcurl rejects it.
    func set(progress function: curl_xferinfo_callback, _ context: UnsafeMutableRawPointer) throws {
        try check(s3x_curl_easy_setopt_xferinfo_callback(handle, function), "CURLOPT_XFERINFOFUNCTION")
        try check(s3x_curl_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, context), "CURLOPT_XFERINFODATA")
        try set(CURLOPT_NOPROGRESS, 0, name: "CURLOPT_NOPROGRESS")
    }

    /// Points `CURLOPT_POSTFIELDS` at `body` and runs the transfer while `body` is pinned.
    ///
    /// - Returns: the transfer's code and the call that produced it.
    func perform(body: [UInt8]?) -> (code: CURLcode, operation: String) {
        guard let body else {
            return (curl_easy_perform(handle), "curl_easy_perform")
        }
        return body.withUnsafeBytes { bytes in
            let code = s3x_curl_easy_setopt_postfields(handle, bytes.baseAddress, curl_off_t(bytes.count))
            guard code == CURLE_OK else {
                return (code, "CURLOPT_POSTFIELDS")
            }
            return (curl_easy_perform(handle), "curl_easy_perform")
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
