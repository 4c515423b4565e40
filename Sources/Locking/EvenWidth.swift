/// How many of `count` tasks to run at once when at most `limit` may: as many rounds as `limit`
/// needs, and those rounds as wide as one another (within one task).
///
/// Tasks started together tend to finish together, so a bounded fan-out runs in rounds. Filling
/// each round to `limit` leaves a thin last one: 100 accounts, 32 at once, run as 32, 32, 32 and
/// 4, and while the last four run their chains of calls, a server that the first rounds kept
/// busy waits on them. Spread evenly they run as four rounds of 25: the same number of rounds
/// where every call costs the same latency, fewer tasks in flight, and no idle tail where the
/// server's own time per request is what bounds the run.
///
/// - Returns: `count` itself when it fits in one round (none for none); otherwise a width from 1 to
///   `limit`, or to 1 when `limit` is below 1.
public func evenWidth(count: Int, limit: Int) -> Int {
    let limit = max(1, limit)
    guard count > limit else { return max(0, count) }
    let rounds = (count + limit - 1) / limit
    return (count + rounds - 1) / rounds
}
