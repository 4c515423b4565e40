import HTTP

/// A small HTTP/1.1 server on 127.0.0.1 with a port the system picks, for tests.
///
/// Each request goes to `handler`, whose ``Reply`` is a response (optionally delayed), a dropped
/// connection, or forwarding to an upstream server, so fault-injecting proxies can be built on it.
/// It keeps connections alive, reads `Content-Length` bodies, serves connections concurrently and
/// counts the connections it accepted, so tests can check that clients reuse them.
///
/// ```swift
/// let server = try LoopbackServer { request in .text(200, "hello") }
/// defer { server.stop() }
/// let response = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/"))
/// ```
public final class LoopbackServer: Sendable {
    /// The listening port on 127.0.0.1.
    public let port: Int
    /// The threads and state, shared with the server's threads.
    private let core: LoopbackServerCore

    /// Starts a server that answers every request with `handler`.
    ///
    /// - Parameter upstream: the transport `.forward(to:)` replies use; a ``CurlTransport`` by default.
    /// - Throws: ``LoopbackServerError`` when the socket cannot be opened, or ``HTTPError`` when the
    ///   default upstream transport cannot be created.
    public init(
        upstream: (any HTTPTransport)? = nil,
        handler: @escaping @Sendable (ReceivedRequest) async -> Reply
    ) throws {
        let transport = try upstream ?? CurlTransport(options: .init(caBundlePath: nil))
        let (listener, port) = try LoopbackServerSocket.listen()
        self.port = port
        core = LoopbackServerCore(listener: listener, upstream: transport, handler: handler)
        core.start()
    }

    deinit {
        core.stop()
    }

    /// The name of every thread the server runs (in /proc/self/task/<tid>/comm), so that tests
    /// counting the process's threads can tell the server's from the client's.
    public static let threadName = "loopback-server"

    /// The server's base URL, `http://127.0.0.1:<port>`, without a trailing slash.
    public var baseURL: String {
        "http://127.0.0.1:\(port)"
    }

    /// The number of TCP connections accepted so far.
    public var acceptedConnections: Int {
        core.acceptedConnections
    }

    /// The number of complete requests read so far.
    public var receivedRequests: Int {
        core.receivedRequests
    }

    /// Stops accepting, closes every connection (ending any delayed reply early) and waits for the
    /// server's threads to finish. Calling it again does nothing.
    ///
    /// Do not call it from inside `handler`: it waits for the handler's own connection.
    public func stop() {
        core.stop()
    }
}
