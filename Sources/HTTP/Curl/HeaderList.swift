internal import CCurl
internal import CCurlShims

/// Owns a libcurl header list (`struct curl_slist`) and frees it in `deinit`.
///
/// The list must outlive the transfer that uses it; the ``TransferLoop`` keeps it with the running
/// transfer until the easy handle has been removed from the multi handle and reset.
final class HeaderList {
    /// The first node, or `nil` for an empty list.
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    /// Builds the list libcurl sends for `headers`.
    ///
    /// libcurl adds `Accept: */*`, a form `Content-Type` for bodies and `Expect: 100-continue` for
    /// large ones on its own; a field with an empty value after the colon removes such a header, so
    /// those are removed unless the caller set them. A field the caller gives an empty value is sent
    /// as `Name;`, libcurl's spelling for "send this header empty".
    ///
    /// - Throws: ``HTTPError`` when a field contains a line break (which would inject headers) or
    ///   libcurl cannot allocate a node. The error names the field, never its value.
    init(_ headers: HTTPHeaders) throws {
        for field in headers.fields {
            guard Self.isSafe(field.name), Self.isSafe(field.value), !field.name.utf8.contains(UInt8(ascii: ":")) else {
                throw HTTPError(
                    kind: .other, operation: "build request headers",
                    message: "header field '\(field.name.filter { !$0.isNewline })' contains a line break or colon",
                    requestMayHaveReachedServer: false)
            }
            try append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        for suppressed in ["Accept", "Content-Type", "Expect"] where !headers.contains(name: suppressed) {
            try append("\(suppressed):")
        }
    }

    deinit {
        curl_slist_free_all(head)
    }

    /// Appends one line.
    ///
    /// - Throws: ``HTTPError`` when libcurl cannot allocate the node.
    private func append(_ line: String) throws {
        guard let extended = curl_slist_append(head, line) else {
            throw HTTPError(
                kind: .other, operation: "curl_slist_append", message: "out of memory",
                requestMayHaveReachedServer: false)
        }
        head = extended
    }

    /// Whether `text` has no carriage return, line feed or NUL. Scanned over the contiguous bytes
    /// when the string has them: a session token is about a kilobyte, in every request.
    private static func isSafe(_ text: String) -> Bool {
        let isUnsafe = { (byte: UInt8) in byte == 0x0D || byte == 0x0A || byte == 0 }
        return text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: isUnsafe) }
            ?? !text.utf8.contains(where: isUnsafe)
    }
}
