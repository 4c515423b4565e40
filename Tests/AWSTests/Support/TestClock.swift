import AWS
import Foundation
import Locking

/// A controlled clock: `now` is set by the test, and `sleep` records the wait and moves time on
/// instead of sleeping.
final class TestClock: Sendable {
    private struct State {
        var now: Date
        var waits: [TimeInterval] = []
    }

    private let state: Locked<State>

    /// Starts at `start` (by default 2026-12-03T19:15:08Z).
    init(start: Date = TestClock.reference) {
        self.state = Locked(State(now: start))
    }

    /// 2026-12-03T19:15:08Z, a Thursday.
    static let reference = Date(timeIntervalSince1970: 1_796_325_308)

    /// The current controlled time.
    var now: Date {
        state.withLock { $0.now }
    }

    /// Every wait asked for, in order.
    var waits: [TimeInterval] {
        state.withLock { $0.waits }
    }

    /// Moves the time by `seconds`.
    func advance(by seconds: TimeInterval) {
        state.withLock { $0.now += seconds }
    }

    /// Sets the time.
    func set(_ date: Date) {
        state.withLock { $0.now = date }
    }

    /// The `WallClock` the code under test uses.
    var wallClock: WallClock {
        WallClock(
            now: { self.now },
            sleep: { seconds in
                self.state.withLock { state in
                    state.waits.append(seconds)
                    state.now += seconds
                }
            })
    }
}
