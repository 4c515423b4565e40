internal import CLibEdit
internal import CLibEditShims
import Foundation

extension EditLineReader {
    /// The libedit command names the reader registers.
    private enum Command {
        static let complete = "s3x-complete"
        static let interrupt = "s3x-interrupt"
    }

    /// Applies the defaults, then the user's editrc, then the reader's own key bindings.
    ///
    /// The bindings come last because `bind -v` in an editrc replaces the whole key map.
    /// - Throws: ``LineEditingError/libedit(operation:)`` naming the first setting libedit refused.
    func configure(environment: [String: String], historySize: Int) throws(LineEditingError) {
        let editLine = handle.editLine
        if let terminal = environment["TERM"], !terminal.isEmpty {
            // An unknown type makes libedit fall back to a dumb terminal, which still edits.
            _ = s3x_el_set_terminal(editLine, terminal)
        }
        // The EditLine is owned by `handle`, which this reader owns and which ends it in deinit, so
        // the unretained pointer is valid whenever libedit calls back (only inside `el_gets`).
        try check(s3x_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque()), "set client data")
        try check(s3x_el_set_editor(editLine, "emacs"), "select emacs key bindings")
        // libedit's own handlers re-raise the signal to the whole process group; ours must see it instead.
        try check(s3x_el_set_signal_handling(editLine, 0), "turn off its signal handling")
        try check(s3x_el_set_prompt(editLine, editLinePromptCallback), "set the prompt callback")
        try check(s3x_el_set_getc(editLine, editLineReadCallback), "set the read callback")
        try check(s3x_history_set_size(handle.history, Int32(clamping: max(historySize, 1))), "size history")
        try check(s3x_history_set_unique(handle.history, 1), "deduplicate history")
        try check(s3x_el_set_history(editLine, handle.history), "attach history")
        try check(s3x_el_setty_edit(editLine, "-isig"), "turn off ISIG while editing")
        try check(
            s3x_el_add_function(editLine, Command.complete, "Complete the word", editLineCompleteCommand),
            "add \(Command.complete)")
        try check(
            s3x_el_add_function(editLine, Command.interrupt, "Abandon the line", editLineInterruptCommand),
            "add \(Command.interrupt)")
        if let editrc = Self.editrcPath(environment: environment) {
            // A missing or unreadable editrc is not an error: the defaults stay.
            _ = el_source(editLine, editrc)
        }
        try check(s3x_el_bind(editLine, "^I", Command.complete), "bind TAB")
        try check(s3x_el_bind(editLine, "^C", Command.interrupt), "bind Ctrl-C")
    }

    /// The editrc libedit's `el_source(el, NULL)` would read, resolved from `environment`.
    ///
    /// Resolved here rather than by libedit so the environment can be injected, and because some
    /// libedit builds refuse the implicit lookup when they lack `issetugid`.
    static func editrcPath(environment: [String: String]) -> String? {
        if let explicit = environment["EDITRC"], !explicit.isEmpty {
            return explicit
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        let path = (home as NSString).appendingPathComponent(".editrc")
        return FileManager.default.isReadableFile(atPath: path) ? path : nil
    }

    /// Turns libedit's `-1` into an error naming what was being done.
    private func check(_ status: Int32, _ operation: String) throws(LineEditingError) {
        guard status == 0 else { throw .libedit(operation: operation) }
    }
}
