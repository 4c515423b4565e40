import Locking
import Testing

/// `evenWidth(count:limit:)` and the bounded `concurrentMap` that uses it: the fewest rounds the
/// bound allows, as even as they can be.
@Suite struct EvenWidthTests {
    @Test(arguments: [
        // count, limit, width
        (0, 4, 0), (1, 4, 1), (4, 4, 4),  // one round: all at once
        (5, 4, 3), (8, 4, 4), (9, 4, 3),  // just past a round: the rounds even out
        (100, 32, 25), (96, 32, 32), (97, 32, 25), (33, 32, 17), (64, 32, 32), (65, 32, 22),
        (7, 1, 1), (7, 0, 1), (7, -3, 1),  // a bound below one is one
    ])
    func widthFor(count: Int, limit: Int, width: Int) {
        #expect(evenWidth(count: count, limit: limit) == width)
    }

    @Test func theRoundsAreNeverMoreThanTheBoundMakesNorWiderThanIt() {
        for limit in 1...40 {
            for count in 1...200 {
                let width = evenWidth(count: count, limit: limit)
                let rounds = (count + width - 1) / width
                #expect(width <= limit)
                #expect(rounds == (count + limit - 1) / limit, "\(count) at most \(limit) at once")
            }
        }
    }

    @Test func concurrentMapRunsAtTheEvenWidth() async {
        // Five tasks at most four at once: three at once, then two.
        let running = Locked((now: 0, most: 0))
        let results = await Array(1...5).concurrentMap(limit: 4) { value in
            running.withLock {
                $0.now += 1
                $0.most = max($0.most, $0.now)
            }
            try? await Task.sleep(for: .milliseconds(50))
            running.withLock { $0.now -= 1 }
            return value * 10
        }
        #expect(results == [10, 20, 30, 40, 50])
        #expect(running.withLock { $0.most } <= 3)
    }
}
