import Foundation

/// The threads of this process as listed in /proc/self/task, for tests that count them.
struct ThreadCensus {
    /// One thread: its kernel id and its name (`comm`, at most 15 bytes).
    struct Entry: Hashable {
        let id: Int32
        let name: String
    }

    /// The name the threads of Swift's global executor show on Linux: dispatch names a thread after its
    /// queue, `com.apple.root.default-qos`, keeping the last 15 bytes (all a thread name holds).
    static let globalExecutorName = "oot.default-qos"

    /// The threads found.
    let threads: Set<Entry>

    /// The threads running now; one that ends while the list is read is left out.
    static func now() -> ThreadCensus {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        let threads = entries.compactMap { entry in
            Int32(entry).flatMap { id in name(of: id).map { Entry(id: id, name: $0) } }
        }
        return ThreadCensus(threads: Set(threads))
    }

    /// The threads here that `earlier` did not have.
    func started(since earlier: ThreadCensus) -> [Entry] {
        let earlierIDs = Set(earlier.threads.map(\.id))
        return threads.filter { !earlierIDs.contains($0.id) }.sorted { $0.id < $1.id }
    }

    /// The threads here that `later` still has.
    func stillRunning(in later: ThreadCensus) -> ThreadCensus {
        ThreadCensus(threads: threads.intersection(later.threads))
    }

    /// Whether the thread with kernel id `id` is still running.
    static func isRunning(_ id: Int32) -> Bool {
        FileManager.default.fileExists(atPath: "/proc/self/task/\(id)")
    }

    /// The thread's name, or `nil` once it has ended.
    private static func name(of id: Int32) -> String? {
        let text = try? String(contentsOfFile: "/proc/self/task/\(id)/comm", encoding: .utf8)
        return text?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
