import Glibc

/// The signals ``InterruptMonitor`` catches.
public enum InterruptSignal: Sendable, Equatable {
    /// SIGINT: Ctrl-C while a command runs, or `kill -INT`.
    case interrupt
    /// SIGTERM: a request to shut down.
    case terminate

    /// Maps a signal number to the case, or `nil` for signals the monitor does not catch.
    init?(number: Int32) {
        switch number {
        case SIGINT: self = .interrupt
        case SIGTERM: self = .terminate
        default: return nil
        }
    }
}
