#if canImport(Glibc)
    import Glibc
#endif

/// A connected pair of local sockets that wakes the ``TransferLoop`` thread from its wait: any thread
/// may ``signal()``; the loop watches ``descriptor`` and ``drain()``s it.
final class WakeupSocket: Sendable {
    /// The end the loop watches and reads.
    let descriptor: Int32
    /// The end ``signal()`` writes to.
    private let signalEnd: Int32

    /// Opens the pair, non-blocking and closed on `exec`.
    ///
    /// - Throws: ``HTTPError`` when the system has no socket to spare.
    init() throws {
        var ends: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else {
            throw HTTPError(
                kind: .other, operation: "socketpair", message: String(cString: strerror(errno)),
                requestMayHaveReachedServer: false)
        }
        descriptor = ends[0]
        signalEnd = ends[1]
    }

    deinit {
        close(descriptor)
        close(signalEnd)
    }

    /// Makes the loop's current or next wait return at once.
    func signal() {
        var byte: UInt8 = 1
        // A full socket already holds a wakeup the loop has yet to read, so a failed send loses nothing.
        _ = send(signalEnd, &byte, 1, Int32(MSG_DONTWAIT | MSG_NOSIGNAL))
    }

    /// Reads every waiting byte, so that the next wait waits again.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }) > 0 {
        }
    }
}
