import Foundation

// File format (version 1). The history file is UTF-8 text holding one entry per line, each line
// ending in "\n", oldest first. Inside an entry a backslash is written `\\`, a newline `\n` and a
// carriage return `\r`, so a command continued over several lines with `\` stays one entry and
// round-trips exactly. Any other escape, a lone trailing backslash or bytes that are not UTF-8
// make the file corrupt: it is renamed aside (see `HistoryFile.load()`) rather than half-read.
// Blank lines are skipped. The file is mode 0600 in a directory created 0700, and is always
// replaced whole (temporary file, fsync, rename), so a crash leaves the old or the new file.

/// The shell's persistent command history: where it lives, how it is read, and how it is written.
public struct HistoryFile: Sendable, Equatable {
    /// How many entries are kept unless told otherwise.
    public static let defaultLimit = 1000

    /// The history file's path.
    public let path: String
    /// The most entries the file keeps; older ones are dropped first.
    public let limit: Int

    /// A history file at `path`, keeping at most `limit` entries.
    public init(path: String, limit: Int = HistoryFile.defaultLimit) {
        self.path = path
        self.limit = max(limit, 0)
    }

    /// The history file the environment points to (see ``resolvePath(environment:)``).
    /// - Throws: ``HistoryFileError/noLocation`` when none of the variables is set.
    public init(environment: [String: String], limit: Int = HistoryFile.defaultLimit) throws(HistoryFileError) {
        guard let path = Self.resolvePath(environment: environment) else { throw .noLocation }
        self.init(path: path, limit: limit)
    }

    /// Resolves the path: `S3X_HISTORY` if set; else `$XDG_STATE_HOME/s3x/history` (only for an
    /// absolute `XDG_STATE_HOME`, as the XDG Base Directory spec requires); else
    /// `$HOME/.local/state/s3x/history`; `nil` without any of them.
    public static func resolvePath(environment: [String: String]) -> String? {
        if let explicit = environment["S3X_HISTORY"], !explicit.isEmpty {
            return explicit
        }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, "s3x/history")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return join(home, ".local/state/s3x/history")
        }
        return nil
    }

    /// Reads the entries, oldest first, at most ``limit`` of them.
    ///
    /// A missing file is an empty history. A corrupt or unreadable one is renamed aside to
    /// `<name>.corrupt-<UTC timestamp>` and reported in the result's warning; this never fails.
    public func load(now: Date = Date()) -> HistoryLoadResult {
        do throws(HistoryCorruption) {
            guard let bytes = try readBytes() else { return HistoryLoadResult(entries: []) }
            return HistoryLoadResult(entries: bounded(try Self.decode(bytes)))
        } catch {
            return HistoryLoadResult(entries: [], warning: setAside(because: error, now: now))
        }
    }

    /// Adds `entries` after the ones already in the file and saves, keeping the newest ``limit``.
    ///
    /// A corrupt file is set aside first, as ``load(now:)`` does, and its warning returned.
    /// - Throws: ``HistoryFileError/systemCall(operation:path:code:)`` when the file cannot be written.
    @discardableResult
    public func append(_ entries: [String], now: Date = Date()) throws(HistoryFileError) -> HistoryWarning? {
        let existing = load(now: now)
        try save(existing.entries + entries)
        return existing.warning
    }

    /// Replaces the file's contents with the newest ``limit`` of `all`; empty entries are skipped.
    /// - Throws: ``HistoryFileError/systemCall(operation:path:code:)`` when the file cannot be written.
    public func save(_ all: [String]) throws(HistoryFileError) {
        try writeAtomically(Self.encode(bounded(all.filter { !$0.isEmpty })))
    }

    /// The newest ``limit`` entries of `entries`.
    private func bounded(_ entries: [String]) -> [String] {
        Array(entries.suffix(limit))
    }

    /// Joins a directory and a relative path with exactly one slash.
    static func join(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}
