internal import CCurl
internal import CCurlShims

/// Gathers one transfer's response headers and body from libcurl's callbacks.
///
/// libcurl calls back on the thread running `curl_easy_perform`, and only during it. The collector is
/// passed as an unretained pointer, so the transfer code keeps it alive with `withExtendedLifetime`
/// until `curl_easy_perform` returns.
final class ResponseCollector {
    /// The header fields of the latest response seen; earlier ones (a `100 Continue`) are dropped.
    private(set) var headers = HTTPHeaders()
    /// The body bytes received so far.
    private(set) var body: [UInt8] = []
    /// Set from another task when the caller is cancelled; read by the progress callback.
    let cancellation: CancellationFlag

    /// Creates a collector that aborts the transfer once `cancellation` is raised.
    init(cancellation: CancellationFlag) {
        self.cancellation = cancellation
    }

    /// An unretained pointer to pass as callback data.
    var context: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    /// Records one raw header line (status line, field, or the blank line ending a header block).
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var line = Substring(String(decoding: bytes, as: UTF8.self))
        while let last = line.last, last == "\r\n" || last == "\n" || last == "\r" {
            line.removeLast()
        }
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
        } else if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
            // An obsolete folded line continues the previous field's value (RFC 9112, section 5.2).
            headers.continueLastValue(with: line.trimmingWhitespace())
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            headers.add(name: name, value: line[line.index(after: colon)...].trimmingWhitespace())
        }
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

    /// The `CURLOPT_XFERINFOFUNCTION` callback: a non-zero return aborts the transfer once cancelled.
    static let progressCallback: curl_xferinfo_callback = { context, _, _, _, _ in
        guard let context else {
            return 0
        }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        return collector.cancellation.isRaised ? 1 : 0
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
