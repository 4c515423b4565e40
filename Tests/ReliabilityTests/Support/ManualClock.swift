import AWS
import Foundation
import Locking

/// A clock the test moves by hand; waits move it on instead of sleeping.
final class ManualClock: Sendable {
    private let current: Locked<Date>

    /// Starts at `start`.
    init(start: Date = Date(timeIntervalSince1970: 1_796_325_308)) {
        current = Locked(start)
    }

    /// The current time.
    var now: Date { current.withLock { $0 } }

    /// Moves the time on by `seconds`.
    func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }

    /// The `WallClock` the code under test uses.
    var wallClock: WallClock {
        WallClock(now: { self.now }, sleep: { self.advance(by: $0) })
    }
}
