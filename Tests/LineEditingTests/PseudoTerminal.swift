import Foundation
import Glibc

/// A pseudo-terminal pair for driving ``EditLineReader`` the way a user at a terminal would.
///
/// The reader gets the slave side; the test types into the master and reads what was drawn. Every
/// wait is bounded, so a reader that misbehaves fails the test instead of hanging it.
final class PseudoTerminal: @unchecked Sendable {
    /// The side the test types into and reads the screen from.
    private(set) var master: Int32
    /// The side the reader treats as its terminal.
    let slave: Int32
    /// Everything the reader has drawn so far, as raw bytes.
    private(set) var screen: [UInt8] = []

    /// Why a pty could not be opened on this machine, or `nil` when one can.
    static let unavailableReason: String? = {
        do {
            _ = try PseudoTerminal()
            return nil
        } catch {
            return "\(error)"
        }
    }()

    /// Opens a master/slave pair, 80 columns by 24 rows, neither becoming our controlling terminal.
    init() throws {
        // posix_openpt and friends are not visible through Swift's Glibc module, so this does what
        // they do on Linux: open the multiplexer, unlock the slave and ask for its number.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failure(step: "open /dev/ptmx", code: errno) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            let code = errno
            close(master)
            throw Failure(step: "unlock pty", code: code)
        }
        slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else {
            let code = errno
            close(master)
            throw Failure(step: "open slave", code: code)
        }
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    // TIOCSPTLCK and TIOCGPTN are function-like macros Swift cannot import; these are their values
    // from Linux's asm-generic/ioctls.h (_IOW('T', 0x31, int) and _IOR('T', 0x30, unsigned int)).
    private static let setLock: UInt = 0x4004_5431
    private static let getNumber: UInt = 0x8004_5430

    deinit {
        closeMaster()
        close(slave)
    }

    /// Sends keys as if typed.
    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Closes the master so a reader stuck on the slave sees the terminal go away.
    func closeMaster() {
        if master >= 0 {
            close(master)
            master = -1
        }
    }

    /// The screen output as text (invalid UTF-8 repaired).
    var screenText: String { String(decoding: screen, as: UTF8.self) }

    /// Reads output until `text` has been drawn or `timeout` seconds pass; returns whether it was.
    @discardableResult
    func waitForScreen(containing text: String, timeout: Double = 5) -> Bool {
        wait(timeout: timeout) { self.screenText.contains(text) }
    }

    /// Waits until the reader has put the terminal in its editing mode (canonical input off).
    @discardableResult
    func waitForEditingMode(timeout: Double = 5) -> Bool {
        wait(timeout: timeout) {
            var modes = termios()
            return tcgetattr(self.slave, &modes) == 0 && modes.c_lflag & tcflag_t(ICANON) == 0
        }
    }

    /// Drains output in 20 ms steps until `condition` holds or `timeout` seconds pass.
    func wait(timeout: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            drain(waiting: 20)
            if condition() { return true }
        }
        drain(waiting: 0)
        return condition()
    }

    /// Reads whatever output is ready within `milliseconds`.
    func drain(waiting milliseconds: Int32) {
        guard master >= 0 else { return }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while poll(&descriptor, 1, milliseconds) > 0 {
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { return }
            screen += buffer[..<count]
        }
    }

    /// A failed step of opening the pty.
    struct Failure: Error, CustomStringConvertible {
        let step: String
        let code: Int32
        var description: String { "\(step) failed: \(String(cString: strerror(code)))" }
    }
}
