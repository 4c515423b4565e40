import Synchronization

/// A flag raised once, from any thread, when the task awaiting a transfer is cancelled; the
/// ``TransferLoop`` checks it before it starts the transfer.
final class CancellationFlag: Sendable {
    /// The flag's storage.
    private let raised = Atomic<Bool>(false)

    /// Creates a lowered flag.
    init() {}

    /// Whether the flag has been raised.
    var isRaised: Bool { raised.load(ordering: .acquiring) }

    /// Raises the flag.
    func raise() {
        raised.store(true, ordering: .releasing)
    }
}
