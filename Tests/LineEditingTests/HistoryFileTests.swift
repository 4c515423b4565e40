import Foundation
import Glibc
import Testing

@testable import LineEditing

@Suite struct HistoryFileTests {
    /// A fresh directory per test, removed afterwards.
    final class Scratch {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("s3x-history-\(UUID())").path
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func file(_ relative: String = "state/s3x/history", limit: Int = 1000) -> HistoryFile {
            HistoryFile(path: path + "/" + relative, limit: limit)
        }
    }

    static func mode(_ path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o777 : 0
    }

    @Test(
        arguments: [
            (["S3X_HISTORY": "/x/h", "XDG_STATE_HOME": "/s", "HOME": "/home/u"], "/x/h"),
            (["XDG_STATE_HOME": "/s", "HOME": "/home/u"], "/s/s3x/history"),
            (["XDG_STATE_HOME": "/s/", "HOME": "/home/u"], "/s/s3x/history"),
            (["XDG_STATE_HOME": "relative", "HOME": "/home/u"], "/home/u/.local/state/s3x/history"),
            (["S3X_HISTORY": "", "HOME": "/home/u"], "/home/u/.local/state/s3x/history"),
            (["HOME": "/home/u"], "/home/u/.local/state/s3x/history"),
            ([:], nil),
        ] as [([String: String], String?)])
    func resolvesThePath(environment: [String: String], expected: String?) {
        #expect(HistoryFile.resolvePath(environment: environment) == expected)
    }

    @Test func noLocationIsAnError() {
        #expect(throws: HistoryFileError.noLocation) { try HistoryFile(environment: [:]) }
    }

    @Test func missingFileIsEmptyWithoutWarning() {
        let scratch = Scratch()
        #expect(scratch.file().load() == HistoryLoadResult(entries: []))
    }

    @Test func entriesRoundTripIncludingMultiLineAndBackslashes() throws {
        let scratch = Scratch()
        let history = scratch.file()
        let entries = ["ls", "put s3://b/k \\\n  --acl private", "echo \\n literal", "tab\there", "cr\r", "ünï"]
        try history.save(entries)
        #expect(history.load() == HistoryLoadResult(entries: entries))
        let raw = try String(contentsOfFile: history.path, encoding: .utf8)
        #expect(raw.split(separator: "\n").count == entries.count)
    }

    @Test func appendAddsAfterExistingEntries() throws {
        let scratch = Scratch()
        let history = scratch.file()
        try history.save(["one"])
        try history.append(["two", "three"])
        #expect(history.load().entries == ["one", "two", "three"])
    }

    @Test func keepsOnlyTheNewestEntries() throws {
        let scratch = Scratch()
        let history = scratch.file(limit: 3)
        try history.save((1...5).map { "cmd \($0)" })
        #expect(history.load().entries == ["cmd 3", "cmd 4", "cmd 5"])
        try history.append(["cmd 6"])
        #expect(history.load().entries == ["cmd 4", "cmd 5", "cmd 6"])
    }

    @Test func fileIs0600InA0700DirectoryAndStaysSoAfterChmod() throws {
        let scratch = Scratch()
        let history = scratch.file()
        try history.append(["first"])
        #expect(Self.mode(history.path) == 0o600)
        #expect(Self.mode(scratch.path + "/state/s3x") == 0o700)
        #expect(Self.mode(scratch.path + "/state") == 0o700)

        chmod(history.path, 0o644)
        try history.append(["second"])
        #expect(Self.mode(history.path) == 0o600)
    }

    @Test func leavesNoTemporaryFilesBehind() throws {
        let scratch = Scratch()
        let history = scratch.file("history")
        for round in 1...3 {
            try history.append(["round \(round)"])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["history"])
    }

    @Test func invalidUTF8IsSetAsideWithAWarning() throws {
        let scratch = Scratch()
        let history = scratch.file("history")
        try FileManager.default.createDirectory(atPath: scratch.path, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: history.path, contents: Data([0x6C, 0x73, 0x0A, 0xFF, 0xFE, 0x0A]))
        let now = Date(timeIntervalSince1970: 1_700_000_000)

        let result = history.load(now: now)

        let movedTo = history.path + ".corrupt-20231114T221320Z"
        #expect(
            result
                == HistoryLoadResult(
                    entries: [], warning: HistoryWarning(path: history.path, problem: .invalidUTF8, movedTo: movedTo)))
        #expect(FileManager.default.fileExists(atPath: movedTo))
        #expect(!FileManager.default.fileExists(atPath: history.path))
        #expect(result.warning?.description.contains("not valid UTF-8") == true)
        // The next save starts a fresh file.
        try history.append(["after"])
        #expect(history.load().entries == ["after"])
    }

    @Test func aDirectoryInPlaceOfTheFileIsSetAside() throws {
        let scratch = Scratch()
        let history = scratch.file("history")
        try FileManager.default.createDirectory(atPath: history.path, withIntermediateDirectories: true)

        let result = history.load()

        #expect(result.entries.isEmpty)
        #expect(result.warning?.problem == .notARegularFile)
        let movedTo = try #require(result.warning?.movedTo)
        #expect(movedTo.hasPrefix(history.path + ".corrupt-"))
        try history.save(["works again"])
        #expect(history.load().entries == ["works again"])
    }

    @Test func anUnknownEscapeIsCorruption() throws {
        let scratch = Scratch()
        let history = scratch.file("history")
        try FileManager.default.createDirectory(atPath: scratch.path, withIntermediateDirectories: true)
        try "ok\nbad \\q\n".write(toFile: history.path, atomically: false, encoding: .utf8)
        #expect(history.load().warning?.problem == .invalidEscape(line: 2))
    }

    @Test func errorsNameTheOperationAndPath() {
        let error = HistoryFileError.systemCall(operation: "rename onto", path: "/h", code: EACCES)
        #expect(error.description == "history: rename onto /h failed: Permission denied")
    }
}
