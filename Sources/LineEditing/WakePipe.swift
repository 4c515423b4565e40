internal import CLibEditShims
import Glibc

/// A non-blocking pipe the signal handler writes one byte to on every SIGINT or SIGTERM.
///
/// The kernel may deliver a signal to any thread, so a thread blocked on input cannot count on
/// seeing `EINTR`; it waits on this pipe as well and wakes whichever thread caught the signal.
final class WakePipe: Sendable {
    /// The end to wait on; readable after a signal.
    let readEnd: Int32
    /// The end the signal handler writes to.
    let writeEnd: Int32

    /// Creates the pipe and registers it with the signal handler.
    /// - Throws: ``LineEditingError/systemCall(operation:code:)`` when the pipe cannot be created or
    ///   the handler's table of wake-up pipes is full.
    init() throws(LineEditingError) {
        var ends: [Int32] = [-1, -1]
        guard s3x_signal_wakeup_pipe(&ends) == 0 else {
            throw .systemCall(operation: "pipe2", code: errno)
        }
        guard s3x_signal_add_wakeup(ends[1]) == 0 else {
            let code = errno
            close(ends[0])
            close(ends[1])
            throw .systemCall(operation: "register wake-up pipe", code: code)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        s3x_signal_remove_wakeup(writeEnd)
        close(readEnd)
        close(writeEnd)
    }

    /// Discards wake-ups that arrived while nobody was waiting; returns the last signal number read.
    @discardableResult
    func drain() -> Int32? {
        var scratch = [UInt8](repeating: 0, count: 64)
        var last: Int32?
        while case let count = read(readEnd, &scratch, scratch.count), count > 0 {
            last = Int32(scratch[count - 1])
        }
        return last
    }

    /// Blocks until a signal writes to the pipe, drains it and returns the last signal number.
    func waitForSignal() -> Int32? {
        var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, -1) < 0 && errno == EINTR {}
        return drain()
    }
}
