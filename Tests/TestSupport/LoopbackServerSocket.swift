#if canImport(Glibc)
    import Glibc
#endif

/// The loopback server's only contact with the socket API: thin wrappers over Glibc calls.
enum LoopbackServerSocket {
    /// Opens a listening TCP socket on 127.0.0.1 with a port the system picks.
    ///
    /// - Returns: the descriptor and the port.
    /// - Throws: ``LoopbackServerError`` naming the failed call.
    static func listen() throws -> (descriptor: Int32, port: Int) {
        let descriptor = try check(
            "socket", socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0))
        do {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
            let length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = try check("bind", withSocketAddress(&address) { bind(descriptor, $0, length) })
            _ = try check("listen", Glibc.listen(descriptor, 128))
            var bound = sockaddr_in()
            var boundLength = length
            _ = try check("getsockname", withSocketAddress(&bound) { getsockname(descriptor, $0, &boundLength) })
            return (descriptor, Int(UInt16(bigEndian: bound.sin_port)))
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// Waits for the next connection; `nil` once the listener has been shut down.
    static func accept(_ listener: Int32) -> Int32? {
        while true {
            let descriptor = Glibc.accept(listener, nil, nil)
            if descriptor >= 0 {
                // Keep the connection out of processes that tests start.
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                return descriptor
            }
            if errno != EINTR && errno != ECONNABORTED {
                return nil
            }
        }
    }

    /// Reads what is available into `buffer`; `false` at end of stream or on error.
    static func read(_ descriptor: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count < 0 && errno == EINTR {
                continue
            }
            return false
        }
    }

    /// Writes all of `bytes`; `false` when the peer has gone. Never raises `SIGPIPE`.
    static func write(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes {
                send(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if count < 0 && errno == EINTR {
                continue
            }
            guard count > 0 else {
                return false
            }
            offset += count
        }
        return true
    }

    /// Waits up to `delay`; returns `false` early if the peer closes the connection or it is shut down.
    static func wait(_ delay: Duration, on descriptor: Int32) -> Bool {
        let deadline = ContinuousClock.now + delay
        while ContinuousClock.now < deadline {
            let remaining = deadline - ContinuousClock.now
            let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + 1)
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, min(milliseconds, 50))
            if ready > 0 {
                var byte: UInt8 = 0
                if recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) <= 0 {
                    return false
                }
            }
        }
        return true
    }

    /// Stops reads and writes on `descriptor` so a thread blocked on it wakes up; does not close it.
    static func shutDown(_ descriptor: Int32) {
        _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// Closes `descriptor`.
    static func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    /// Turns a failed call's result into ``LoopbackServerError``, the one place `errno` is read for it.
    ///
    /// - Throws: ``LoopbackServerError/socketCall(name:errno:)`` when `result` is negative.
    private static func check(_ name: String, _ result: Int32) throws -> Int32 {
        guard result >= 0 else {
            throw LoopbackServerError.socketCall(name: name, errno: errno)
        }
        return result
    }

    /// Passes `address` to `body` as the generic `sockaddr` pointer the socket calls take.
    private static func withSocketAddress<Result>(
        _ address: inout sockaddr_in, _ body: (UnsafeMutablePointer<sockaddr>) -> Result
    ) -> Result {
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1, body)
        }
    }
}
