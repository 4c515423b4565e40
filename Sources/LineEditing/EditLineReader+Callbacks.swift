internal import CLibEdit
internal import CLibEditShims
import Glibc

// The C callbacks libedit calls during `el_gets`. Each finds its reader through EL_CLIENTDATA,
// which `configure` sets to the unretained reader; the reader owns the EditLine, so it is alive
// whenever these run.

/// Returned by the prompt callback if the reader cannot be found, which would be a bug.
nonisolated(unsafe) private let fallbackPrompt: UnsafeMutablePointer<CChar> = {
    let empty = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    empty.initialize(to: 0)
    return empty
}()

/// Finds the reader that owns `editLine`.
private func reader(of editLine: OpaquePointer?) -> EditLineReader? {
    guard let editLine, let data = s3x_el_get_clientdata(editLine) else { return nil }
    return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
}

/// EL_PROMPT: the current prompt, kept alive by the reader until the next `readLine`.
let editLinePromptCallback: s3x_el_prompt_fn = { editLine in
    reader(of: editLine)?.promptText ?? fallbackPrompt
}

/// EL_GETCFN: one character from the terminal, or EINTR when a signal wakes the reader's pipe.
let editLineReadCallback: s3x_el_getc_fn = { editLine, character in
    guard let character, let reader = reader(of: editLine) else { return -1 }
    return s3x_read_character(reader.handle.inputDescriptor, reader.wakePipe.readEnd, character)
}

/// Bound to TAB: completes the word before the cursor.
let editLineCompleteCommand: s3x_el_command_fn = { editLine, _ in
    guard let editLine, let reader = reader(of: editLine) else { return UInt8(CC_ERROR) }
    return reader.complete(in: editLine)
}

/// Bound to Ctrl-C: marks the line abandoned, shows `^C` and ends it like Enter would.
let editLineInterruptCommand: s3x_el_command_fn = { editLine, _ in
    guard let editLine, let reader = reader(of: editLine) else { return UInt8(CC_ERROR) }
    reader.interruptRequested = true
    if let line = el_line(editLine)?.pointee, let cursor = line.cursor, let end = line.lastchar {
        _ = el_cursor(editLine, Int32(clamping: end - cursor))
    }
    _ = el_insertstr(editLine, "^C")
    // The pushed newline runs libedit's own newline command, which moves below a wrapped line.
    el_push(editLine, "\n")
    return UInt8(CC_REFRESH)
}

extension EditLineReader {
    /// Applies ``completion`` to the word before the cursor; returns the libedit redraw code.
    func complete(in editLine: OpaquePointer) -> UInt8 {
        guard let completion, let line = el_line(editLine)?.pointee,
            let start = line.buffer, let cursor = line.cursor
        else { return UInt8(CC_ERROR) }
        let before = UnsafeRawBufferPointer(start: start, count: cursor - start)
        let context = CompletionContext(lineBeforeCursor: String(decoding: before, as: UTF8.self))
        let plan = CompletionPlan(word: context.wordBeforeCursor, candidates: completion(context))
        if let replacement = plan.replacement {
            el_deletestr(editLine, Int32(clamping: context.wordBeforeCursor.unicodeScalars.count))
            if el_insertstr(editLine, replacement) != 0 {
                return UInt8(CC_REFRESH_BEEP)
            }
        }
        if !plan.listed.isEmpty {
            let columns = Int(s3x_el_get_columns(editLine))
            handle.write("\n" + CompletionPlan.listing(plan.listed, width: columns > 0 ? columns : 80))
            return UInt8(CC_REDISPLAY)
        }
        return UInt8(plan.replacement == nil ? CC_REFRESH_BEEP : CC_REFRESH)
    }
}
