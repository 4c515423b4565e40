#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value guarded by a lock, for state shared between threads and tasks.
///
/// Built on `pthread_mutex_t` rather than the toolchain's `Synchronization.Mutex`: on Linux that
/// one waits on a futex, which ThreadSanitizer cannot see, so `scripts/sanitize` would report
/// every access it guards as a race. ThreadSanitizer understands pthread mutexes, so a report
/// under this lock is a real one. The interface is `Mutex`'s.
public final class Locked<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    // The value lives in memory of its own, reached through a pointer: ThreadSanitizer then checks
    // the plain memory accesses, which the mutex orders. As a stored property, its `inout`
    // access was also instrumented as a Swift access, and for an empty value (`Locked(())`) it was
    // reported as a race under the lock.
    private let storage: UnsafeMutablePointer<Value>

    /// Creates the lock holding `value`.
    public init(_ value: sending Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        // A default mutex attribute cannot fail to initialise but for lack of memory.
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
        storage = .allocate(capacity: 1)
        storage.initialize(to: value)
    }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, the lock held.
    /// - Throws: what `body` throws.
    public func withLock<Result, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&storage.pointee)
    }
}
