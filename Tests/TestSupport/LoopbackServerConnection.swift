import HTTP

/// Serves one accepted connection: reads HTTP/1.1 requests one after another and writes the replies.
///
/// Supports keep-alive and `Content-Length` bodies; a chunked request body, a malformed request or
/// `Connection: close` ends the connection.
struct LoopbackServerConnection {
    /// The connection's socket; the caller closes it.
    let descriptor: Int32
    /// The connection's number, counting from 1.
    let number: Int
    /// The server this connection belongs to.
    let core: LoopbackServerCore

    /// The largest request head accepted, as a guard against runaway input.
    private static let maximumHeadLength = 64 * 1024

    /// Serves requests until the peer closes, a reply closes, or the server stops.
    func serve() {
        var buffer: [UInt8] = []
        while let request = readRequest(from: &buffer) {
            core.countRequest()
            guard case .respond(let status, let headers, let body, let delay) = core.reply(to: request) else {
                return
            }
            if delay > .zero, !LoopbackServerSocket.wait(delay, on: descriptor) {
                return
            }
            let closing = request.headers["Connection"]?.lowercased() == "close"
            let bytes = LoopbackServer.Reply.encode(
                status: status, headers: headers, body: body, isHead: request.method == "HEAD", closing: closing)
            guard LoopbackServerSocket.write(descriptor, bytes), !closing else {
                return
            }
        }
    }

    /// Reads the next complete request, leaving any bytes after it in `buffer`; `nil` when there is none.
    private func readRequest(from buffer: inout [UInt8]) -> LoopbackServer.ReceivedRequest? {
        var headEnd = Self.endOfHead(in: buffer)
        while headEnd == nil {
            guard buffer.count < Self.maximumHeadLength, LoopbackServerSocket.read(descriptor, into: &buffer) else {
                return nil
            }
            headEnd = Self.endOfHead(in: buffer)
        }
        guard let headEnd, var request = Self.parseHead(buffer[..<headEnd], connection: number) else {
            return nil
        }
        if request.headers["Transfer-Encoding"] != nil {
            return nil
        }
        let length = Int(request.headers["Content-Length"] ?? "0") ?? -1
        guard length >= 0 else {
            return nil
        }
        let bodyEnd = headEnd + 4 + length
        while buffer.count < bodyEnd {
            guard LoopbackServerSocket.read(descriptor, into: &buffer) else {
                return nil
            }
        }
        request.body = Array(buffer[(headEnd + 4)..<bodyEnd])
        buffer.removeFirst(bodyEnd)
        return request
    }

    /// The index of the `\r\n\r\n` ending the request head, if it has arrived.
    private static func endOfHead(in buffer: [UInt8]) -> Int? {
        guard buffer.count >= 4 else {
            return nil
        }
        return (0...(buffer.count - 4)).first { index in
            buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10
        }
    }

    /// Parses a request line and header fields; `nil` when the request line is malformed.
    private static func parseHead(_ head: ArraySlice<UInt8>, connection: Int) -> LoopbackServer.ReceivedRequest? {
        let lines = String(decoding: head, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else {
            return nil
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else {
                continue
            }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.add(name: String(line[..<colon]), value: String(value))
        }
        return LoopbackServer.ReceivedRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: [],
            connection: connection)
    }
}
