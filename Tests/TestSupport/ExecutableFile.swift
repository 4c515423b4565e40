import Foundation

/// Writes small programs (shell scripts) that a test then executes.
///
/// The file is written through a descriptor opened with `O_CLOEXEC`: tests run in parallel, and
/// a child forked by another test while the file is still open for writing would otherwise
/// inherit that descriptor and make executing the file fail with "Text file busy" (ETXTBSY).
public enum ExecutableFile {
    /// Why a file could not be written.
    public struct Failure: Error, CustomStringConvertible {
        /// The call that failed and its errno text.
        public let description: String
    }

    /// Writes `text` to `path` with mode 0755, replacing what was there.
    /// - Throws: `Failure` naming the call that failed.
    public static func write(_ text: String, to path: String) throws {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw Failure(description: "open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Failure(description: "write \(path): \(String(cString: strerror(errno)))") }
            offset += written
        }
    }
}
