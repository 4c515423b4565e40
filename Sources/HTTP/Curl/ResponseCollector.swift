internal import CCurl
internal import CCurlShims

/// Gathers one transfer's response headers and body from libcurl's callbacks.
///
/// libcurl calls back on the ``TransferLoop`` thread, inside `curl_multi_socket_action`, so only
/// that thread touches a collector until its transfer has finished and the response is built. The
/// collector is passed as an unretained pointer; the loop keeps it alive until the easy handle is
/// removed and reset.
final class ResponseCollector {
    /// The header fields of the latest response seen; earlier ones (a `100 Continue`) are dropped.
    private(set) var headers = HTTPHeaders()
    /// The body bytes received so far.
    private(set) var body: [UInt8] = []

    /// Creates an empty collector.
    init() {}

    /// An unretained pointer to pass as callback data.
    var context: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    /// Records one raw header line (status line, field, or the blank line ending a header block).
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        let line = UnsafeRawBufferPointer(rebasing: bytes[..<end])
        if line.starts(with: "HTTP/".utf8) {
            headers = HTTPHeaders()
        } else if let first = line.first, Self.isBlank(first), !headers.isEmpty {
            // An obsolete folded line continues the previous field's value (RFC 9112, section 5.2).
            headers.continueLastValue(with: Self.trimmed(line[...]))
        } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            let name = String(decoding: line[..<colon], as: UTF8.self)
            headers.add(name: name, value: Self.trimmed(line[(colon + 1)...]))
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// The text of `bytes` without leading and trailing spaces and tabs.
    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> String {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Appends body bytes.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) {
        body.append(contentsOf: bytes)
    }

    /// The `CURLOPT_HEADERFUNCTION` callback; `context` is a collector.
    static let headerCallback: curl_write_callback = { data, size, count, context in
        let length = size * count
        guard let context else {
            return 0
        }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        collector.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : length))
        return length
    }

    /// The `CURLOPT_WRITEFUNCTION` callback; `context` is a collector.
    static let bodyCallback: curl_write_callback = { data, size, count, context in
        let length = size * count
        guard let context else {
            return 0
        }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        collector.receiveBody(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : length))
        return length
    }
}
