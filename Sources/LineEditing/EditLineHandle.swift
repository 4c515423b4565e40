internal import CLibEdit
import Glibc

/// Owns one libedit `EditLine`, its `History` and the stdio streams it reads and writes.
///
/// The streams sit on duplicates of the caller's descriptors, so closing them here never closes
/// the caller's terminal.
final class EditLineHandle {
    /// The `EditLine *`; valid until deinit.
    let editLine: OpaquePointer
    /// The `History *` bound to ``editLine``; valid until deinit.
    let history: OpaquePointer
    /// The descriptor libedit reads keys from.
    let inputDescriptor: Int32
    private let inputStream: UnsafeMutablePointer<FILE>
    private let outputStream: UnsafeMutablePointer<FILE>

    /// Opens streams over duplicates of `input` and `output` and initialises libedit on them.
    /// - Throws: ``LineEditingError`` when a descriptor cannot be duplicated or libedit fails.
    init(programName: String, input: Int32, output: Int32) throws(LineEditingError) {
        let inputStream = try Self.openStream(duplicating: input, mode: "r")
        let outputStream: UnsafeMutablePointer<FILE>
        do {
            outputStream = try Self.openStream(duplicating: output, mode: "w")
        } catch {
            fclose(inputStream)
            throw error
        }
        guard let editLine = el_init(programName, inputStream, outputStream, outputStream) else {
            fclose(inputStream)
            fclose(outputStream)
            throw .libedit(operation: "initialise the editor (el_init)")
        }
        guard let history = history_init() else {
            el_end(editLine)
            fclose(inputStream)
            fclose(outputStream)
            throw .libedit(operation: "initialise history (history_init)")
        }
        self.editLine = editLine
        self.history = history
        self.inputStream = inputStream
        self.outputStream = outputStream
        self.inputDescriptor = fileno(inputStream)
    }

    deinit {
        el_end(editLine)
        history_end(history)
        fclose(inputStream)
        fclose(outputStream)
    }

    /// Writes `text` to the terminal below libedit's line, flushing at once.
    func write(_ text: String) {
        fputs(text, outputStream)
        fflush(outputStream)
    }

    /// Wraps a duplicate of `descriptor` in a stdio stream.
    /// - Throws: ``LineEditingError/systemCall(operation:code:)`` when `dup` or `fdopen` fails.
    private static func openStream(duplicating descriptor: Int32, mode: String) throws(LineEditingError)
        -> UnsafeMutablePointer<FILE>
    {
        let copy = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard copy >= 0 else { throw .systemCall(operation: "dup(\(descriptor))", code: errno) }
        guard let stream = fdopen(copy, mode) else {
            let code = errno
            close(copy)
            throw .systemCall(operation: "fdopen(\(descriptor))", code: code)
        }
        return stream
    }
}
