import Foundation

extension HistoryFile {
    /// The file's bytes, or `nil` when there is no file.
    /// - Throws: ``HistoryCorruption`` when something unreadable or not a file is in the way.
    func readBytes() throws(HistoryCorruption) -> [UInt8]? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw .unreadable(code: errno)
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(code: errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(code: errno)
            }
            bytes += chunk[..<count]
        }
    }

    /// Renames the corrupt file to `<name>.corrupt-<timestamp>` and describes what happened.
    func setAside(because problem: HistoryCorruption, now: Date) -> HistoryWarning {
        var target = path + ".corrupt-" + Self.timestamp(now)
        var attempt = 1
        while access(target, F_OK) == 0 {
            attempt += 1
            target = path + ".corrupt-" + Self.timestamp(now) + "-\(attempt)"
        }
        let moved = rename(path, target) == 0
        return HistoryWarning(path: path, problem: problem, movedTo: moved ? target : nil)
    }

    /// Writes `bytes` to a temporary file beside the history, syncs it and renames it into place.
    ///
    /// The new file is created 0600 and explicitly set to 0600, so a mode someone widened is
    /// narrowed again on every write.
    /// - Throws: ``HistoryFileError/systemCall(operation:path:code:)`` naming the failed step.
    func writeAtomically(_ bytes: [UInt8]) throws(HistoryFileError) {
        let directory = Self.parentDirectory(of: path)
        try Self.createDirectories(directory)
        let temporary = Self.join(directory, ".history.tmp-\(getpid())-\(UInt32.random(in: .min ... .max))")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .systemCall(operation: "create", path: temporary, code: errno) }
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            try Self.check(fchmod(descriptor, 0o600), "chmod", temporary)
            try Self.writeAll(bytes, to: descriptor, path: temporary)
            try Self.check(fsync(descriptor), "fsync", temporary)
        }
        try Self.check(rename(temporary, path), "rename onto", path)
        renamed = true
        Self.syncDirectory(directory)
    }

    /// Creates `directory` and any missing parents with mode 0700; existing ones are left alone.
    /// - Throws: ``HistoryFileError/systemCall(operation:path:code:)`` when `mkdir` fails.
    private static func createDirectories(_ directory: String) throws(HistoryFileError) {
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw .systemCall(operation: "create directory", path: prefix, code: errno)
            }
        }
    }

    /// Writes every byte, retrying short and interrupted writes.
    /// - Throws: ``HistoryFileError/systemCall(operation:path:code:)`` when `write` fails.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(HistoryFileError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .systemCall(operation: "write", path: path, code: errno)
            }
            offset += written
        }
    }

    /// Syncs the directory so the rename itself survives a crash; a failure here loses nothing
    /// that was not already at risk, so it is ignored.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Throws for a `-1` status, with the errno of the call just made.
    private static func check(_ status: Int32, _ operation: String, _ path: String) throws(HistoryFileError) {
        guard status == 0 else { throw .systemCall(operation: operation, path: path, code: errno) }
    }

    /// The directory part of `path` (`.` for a bare file name).
    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `now` as a UTC timestamp such as `20250102T030405Z`.
    static func timestamp(_ now: Date) -> String {
        var seconds = time_t(now.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))"
            + "T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }
}
