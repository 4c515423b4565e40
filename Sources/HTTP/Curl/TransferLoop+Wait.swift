extension TransferLoop {
    /// Waits for the wakeup socket, a socket libcurl watches or libcurl's next timer, whichever comes
    /// first, and lets libcurl act on the sockets that are ready.
    ///
    /// - Parameter idleUntil: when no transfer runs, the end of the linger; `nil` while transfers run.
    /// - Throws: ``HTTPError`` when the multi handle itself fails.
    func waitAndAct(idleUntil: ContinuousClock.Instant?) throws {
        let watch = multi.watch
        var end = idleUntil ?? nextTimerCheck
        if let deadline = watch.deadline {
            end = min(end, deadline)
        }
        try watch.wait(milliseconds: Self.milliseconds(until: end)) { descriptor, bits in
            if descriptor == wakeup.descriptor {
                wakeup.drain()
            } else if watch.isWatched(descriptor) {
                try multi.socketReady(descriptor, bits: bits)
            }
        }
    }

    /// Runs libcurl's timers (which start added transfers and enforce their timeouts) once the deadline
    /// it set has passed, and while transfers run at least once a second even without one.
    ///
    /// The deadline is forgotten once acted on and libcurl sets the next through its callback; were it
    /// ever to skip one, the second-by-second run keeps a transfer's own timeout from being missed.
    ///
    /// - Throws: ``HTTPError`` when the multi handle itself fails.
    func runTimers(isBusy: Bool) throws {
        let now = ContinuousClock.now
        let isDue = multi.watch.deadline.map { $0 <= now } ?? false
        guard isDue || (isBusy && now >= nextTimerCheck) else {
            return
        }
        nextTimerCheck = now + .seconds(1)
        try multi.timerDue()
    }

    /// The whole milliseconds from now until `end`, rounded up so a wait never ends early; 0 when past.
    private static func milliseconds(until end: ContinuousClock.Instant) -> Int32 {
        let (seconds, attoseconds) = ContinuousClock.now.duration(to: end).components
        guard seconds >= 0, attoseconds >= 0 else {
            return 0
        }
        let partial = attoseconds % 1_000_000_000_000_000 == 0 ? 0 : 1
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + Int64(partial))
    }
}
