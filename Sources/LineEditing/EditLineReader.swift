internal import CLibEdit
internal import CLibEditShims
import Foundation

/// Reads lines from a terminal through libedit, with emacs keys by default, history and TAB completion.
///
/// Keys: TAB calls ``completion``; Ctrl-C abandons the line (``LineInput/interrupted``); Ctrl-D on
/// an empty line ends input. The user's `~/.editrc` (or `$EDITRC`) is read after the defaults, so
/// `bind -v` there switches to vi keys. While a line is being edited the terminal's ISIG flag is
/// off, so Ctrl-C reaches libedit as a key instead of raising SIGINT; a SIGINT or SIGTERM from
/// elsewhere still ends the wait when ``InterruptMonitor`` is installed.
public final class EditLineReader: LineReader {
    let handle: EditLineHandle
    let wakePipe: WakePipe
    /// The prompt libedit's prompt callback returns; replaced (and the old copy freed) on each read.
    var promptText: UnsafeMutablePointer<CChar>
    /// Set by the Ctrl-C key command during `el_gets`.
    var interruptRequested = false

    /// Returns the candidates for the word before the cursor when TAB is pressed.
    public var completion: (@Sendable (CompletionContext) -> [String])?

    /// Sets up libedit on the terminal behind `input` and `output`, which stay owned by the caller.
    ///
    /// Makes sure `LC_CTYPE` is a UTF-8 locale (process-wide), since libedit decides at this point
    /// whether it handles UTF-8.
    /// - Parameters:
    ///   - programName: The name `~/.editrc` lines can be scoped to (`s3x:bind -v`).
    ///   - environment: Supplies `TERM`, `EDITRC` and `HOME`.
    ///   - historySize: How many entries the in-memory history keeps for the up arrow.
    /// - Throws: ``LineEditingError`` when the descriptors cannot be used or libedit fails.
    public init(
        programName: String = "s3x", input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
        environment: [String: String] = ProcessInfo.processInfo.environment, historySize: Int = 1000
    ) throws(LineEditingError) {
        Self.ensureUTF8Locale()
        handle = try EditLineHandle(programName: programName, input: input, output: output)
        wakePipe = try WakePipe()
        guard let emptyPrompt = strdup("") else { throw .systemCall(operation: "strdup", code: errno) }
        promptText = emptyPrompt
        try configure(environment: environment, historySize: historySize)
    }

    deinit {
        free(promptText)
    }

    /// Edits one line after showing `prompt`.
    public func readLine(prompt: String) -> LineInput {
        setPrompt(prompt)
        interruptRequested = false
        // A signal that arrived while a command ran must not end this new line.
        wakePipe.drain()
        var count: Int32 = 0
        let text = el_gets(handle.editLine, &count)
        let failure = errno
        if interruptRequested {
            return .interrupted
        }
        guard let text, count > 0 else {
            if count < 0 && failure == EINTR {
                handle.write("\n")
                return .interrupted
            }
            return .endOfFile
        }
        var line = String(cString: text)
        if line.hasSuffix("\n") {
            line.removeLast()
        }
        return .line(line)
    }

    /// Adds `line` to the up-arrow history, except empty lines and lines starting with a space
    /// (the shell's convention for "keep this out of history").
    public func addHistoryEntry(_ line: String) {
        guard !line.isEmpty, !line.hasPrefix(" ") else { return }
        _ = s3x_history_enter(handle.history, line)
    }

    /// The key map in use: `"emacs"` or `"vi"` (after `bind -v` in an editrc).
    var editorMode: String? {
        s3x_el_get_editor(handle.editLine).map { String(cString: $0) }
    }

    /// Replaces the text the prompt callback hands to libedit.
    private func setPrompt(_ prompt: String) {
        guard let copy = strdup(prompt) else { return }
        free(promptText)
        promptText = copy
    }

    /// Switches `LC_CTYPE` to the environment's locale, or to C.UTF-8 if that is not UTF-8.
    private static func ensureUTF8Locale() {
        func isUTF8() -> Bool {
            String(cString: nl_langinfo(Int32(CODESET))).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        }
        if isUTF8() { return }
        setlocale(LC_CTYPE, "")
        if !isUTF8() {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
