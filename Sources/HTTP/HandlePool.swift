import Locking

/// Lends idle ``EasyHandle``s to requests and takes them back, so their open connections are reused.
///
/// At most `capacity` idle handles are kept; a handle returned beyond that is freed, closing its
/// connections. Handles are reused last-in first-out, so a run of sequential requests keeps using the
/// same handle and therefore the same connection.
final class HandlePool: Sendable {
    /// The idle handles, most recently returned last.
    private let idle = Locked<[EasyHandle]>([])
    /// The most idle handles kept.
    let capacity: Int

    /// Creates an empty pool that keeps at most `capacity` idle handles.
    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The number of idle handles, for tests.
    var idleCount: Int {
        idle.withLock { $0.count }
    }

    /// Takes an idle handle, or creates one when none is idle.
    ///
    /// - Throws: ``HTTPError`` when a new handle cannot be created.
    func checkOut() throws -> EasyHandle {
        if let handle = idle.withLock({ $0.popLast() }) {
            return handle
        }
        return try EasyHandle()
    }

    /// Returns a handle after its transfer has finished; beyond `capacity` it is not kept, and the
    /// caller's reference going away frees it (outside the lock, since that closes connections).
    func checkIn(_ handle: EasyHandle) {
        idle.withLock { handles in
            if handles.count < capacity {
                handles.append(handle)
            }
        }
    }
}
