internal import CCrypto

/// The single place where libcrypto status codes become Swift errors.
enum OpenSSLStatus {
    /// The status libcrypto's EVP and HMAC functions return on success.
    static let success: Int32 = 1

    /// Turns a libcrypto status into a thrown ``CryptoError`` carrying the error-queue text.
    ///
    /// Callers map pointer results (such as `HMAC`'s) to `success` or `0` before calling.
    /// - Throws: ``CryptoError/openSSL(operation:reason:)`` when `status` is not `success`.
    static func check(_ status: Int32, operation: String) throws(CryptoError) {
        guard status != success else { return }
        throw failure(of: operation)
    }

    /// The error for a failed `operation` (one returning a null pointer, say), with the queue's text.
    static func failure(of operation: String) -> CryptoError {
        CryptoError.openSSL(operation: operation, reason: drainErrorQueue())
    }

    /// Reads and clears every pending entry of this thread's OpenSSL error queue.
    private static func drainErrorQueue() -> String {
        var messages: [String] = []
        var code = ERR_get_error()
        while code != 0 {
            messages.append(errorString(code))
            code = ERR_get_error()
        }
        return messages.isEmpty ? "no OpenSSL error was queued" : messages.joined(separator: "; ")
    }

    /// Renders one queued error code with `ERR_error_string_n`.
    private static func errorString(_ code: UInt) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        buffer.withUnsafeMutableBufferPointer { text in
            ERR_error_string_n(code, text.baseAddress, text.count)
        }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
