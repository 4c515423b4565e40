internal import CCurl
internal import CCurlShims
internal import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process-wide libcurl state: the single `curl_global_init` and the environment the transport reads.
enum CurlGlobal {
    /// The raw result of the one `curl_global_init(CURL_GLOBAL_ALL)` call.
    ///
    /// Swift runs a static property's initializer exactly once, thread-safely, on first use.
    /// libcrypto starts first, the way s3x starts it (``OpenSSLLibrary``), since libcurl's own start
    /// would start it with OpenSSL's defaults.
    private static let initializationResult: UInt32 = {
        OpenSSLLibrary.start()
        return s3x_curl_global_init_all().rawValue
    }()

    /// Initialises libcurl on first use.
    ///
    /// - Throws: ``HTTPError`` when `curl_global_init` failed.
    static func initialize() throws {
        let code = CURLcode(rawValue: initializationResult)
        guard code == CURLE_OK else {
            throw HTTPError(
                curlCode: code, operation: "curl_global_init", detail: "", requestBytesSent: nil, target: "")
        }
    }

    /// The value of environment variable `name`, or `nil` when it is unset or empty.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else {
            return nil
        }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
