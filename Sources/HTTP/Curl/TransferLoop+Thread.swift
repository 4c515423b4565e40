#if canImport(Glibc)
    import Glibc
#endif

extension TransferLoop {
    /// Starts the loop thread, which runs ``run()`` and ends with it; when the system refuses a
    /// thread, fails every submitted transfer instead.
    ///
    /// The thread is a plain detached pthread: not a thread of Swift's cooperative pool, which must
    /// never block waiting for sockets, and not Foundation's `Thread`, which this target does not use.
    /// It holds the loop (a retained reference passed as its argument) until ``run()`` returns.
    func startThread() {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, TransferLoop.threadMain, context)
        if status != 0 {
            Unmanaged<TransferLoop>.fromOpaque(context).release()
            failSubmitted(
                HTTPError(
                    kind: .other, operation: "pthread_create", message: String(cString: strerror(status)),
                    requestMayHaveReachedServer: false))
        }
    }

    /// The loop thread's name, in /proc/self/task/<tid>/comm.
    static let threadName = "s3x-http"

    /// The thread's entry point; `context` is the retained loop.
    private static let threadMain: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = {
        context in
        guard let context else {
            return nil
        }
        nameCurrentThread(threadName)
        Unmanaged<TransferLoop>.fromOpaque(context).takeRetainedValue().run()
        return nil
    }

    /// The calling thread's kernel thread id, as listed in /proc/self/task; `nil` without /proc.
    ///
    /// It is read from the `/proc/thread-self` link (`<pid>/task/<tid>`): Swift's Glibc module is built
    /// without the GNU extensions, so `gettid` is not there.
    static func currentThreadID() -> Int32? {
        var link = [CChar](repeating: 0, count: 64)
        let count = readlink("/proc/thread-self", &link, link.count)
        guard count > 0 else {
            return nil
        }
        let text = String(decoding: link[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.split(separator: "/").last.flatMap { Int32($0) }
    }

    /// Names the calling thread for `top -H`, `perf` and /proc/self/task/<tid>/comm; best effort.
    ///
    /// Written to /proc, since `pthread_setname_np` is a GNU extension Swift's Glibc module lacks.
    private static func nameCurrentThread(_ name: String) {
        let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return
        }
        _ = Array(name.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }
}
