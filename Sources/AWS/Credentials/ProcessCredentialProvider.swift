import Foundation

/// Runs a profile's `credential_process` and reads its JSON (AWS CLI "Sourcing credentials with
/// an external process"): `Version` 1, `AccessKeyId`, `SecretAccessKey`, optional
/// `SessionToken` and `Expiration`. The command runs without a shell; its standard error passes
/// through to the user.
public struct ProcessCredentialProvider: CredentialProvider {
    private let inner: RefreshingCredentialProvider

    /// Prepares the provider for `profile`, which must have `credential_process`.
    /// - Throws: `CredentialError.incomplete` when the setting is missing or empty.
    public init(profile: SharedConfig.Profile, clock: WallClock = .system) throws(CredentialError) {
        guard let command = profile["credential_process"] else {
            throw .incomplete(source: "profile \(profile.name)", missing: "credential_process")
        }
        let arguments = CommandLineSplitter.split(command)
        guard !arguments.isEmpty else {
            throw .incomplete(source: "profile \(profile.name)", missing: "a command in credential_process")
        }
        let name = profile.name
        self.inner = RefreshingCredentialProvider(clock: clock) {
            try await ProcessCredentialProvider.run(arguments, profile: name)
        }
    }

    public func credentials() async throws -> Credentials {
        try await inner.credentials()
    }

    public func invalidate() async {
        await inner.invalidate()
    }

    public func cachedExpiration() async -> Date? {
        await inner.cachedExpiration()
    }

    /// Runs the command on a thread of its own (it may wait for a person at a password manager)
    /// and decodes what it prints.
    /// - Throws: `CredentialError.processFailed`.
    static func run(_ arguments: [String], profile: String) async throws -> Credentials {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runBlocking(arguments, profile: profile) })
            }
        }
    }

    /// Spawns the command (standard input and error shared with s3x, so that a helper can ask a
    /// person), reads its standard output to the end and reaps it.
    ///
    /// `posix_spawn`, not Foundation's `Process`: `Process.run` lists `/proc/self/fd` with a read
    /// past the end of its buffer once a process has many descriptors open (AddressSanitizer
    /// reports it), and the system's own words for a start failure come straight back.
    private static func runBlocking(_ arguments: [String], profile: String) throws -> Credentials {
        // A socket pair stands for the pipe: it is made close-on-exec atomically (Swift's Glibc
        // module has no pipe2), so a child spawned meanwhile by another thread cannot hold it open.
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw CredentialError.processFailed(
                profile: profile, reason: "cannot start \(arguments[0]): \(String(cString: strerror(errno)))")
        }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, writeEnd, STDOUT_FILENO)
        // No shell: a bare command name is looked up on PATH by env(1), as execvp would.
        let isPath = arguments[0].contains("/")
        let executable = isPath ? arguments[0] : "/usr/bin/env"
        let argv = (isPath ? [] : ["env"]) + arguments
        var pid: pid_t = 0
        let cStrings = argv.map { strdup($0) } + [nil]
        defer { cStrings.forEach { free($0) } }
        let spawned = posix_spawn(&pid, executable, &actions, nil, cStrings, environ)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw CredentialError.processFailed(
                profile: profile, reason: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        let output = readToEnd(readEnd)
        close(readEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        if status & 0x7f != 0 {
            throw CredentialError.processFailed(profile: profile, reason: "it was killed by signal \(status & 0x7f)")
        }
        let exitStatus = (status >> 8) & 0xff
        guard exitStatus == 0 else {
            let hint = exitStatus == 127 && !isPath ? " (command not found?)" : ""
            throw CredentialError.processFailed(profile: profile, reason: "it exited with status \(exitStatus)\(hint)")
        }
        return try decode(Data(output), profile: profile)
    }

    /// Everything readable from `descriptor` until end of file.
    private static func readToEnd(_ descriptor: Int32) -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                output += buffer[..<count]
            } else if count == 0 || errno != EINTR {
                return output
            }
        }
    }

    /// Decodes the process's JSON output.
    /// - Throws: `CredentialError.processFailed` naming what is wrong (never echoing the output).
    static func decode(_ data: Data, profile: String) throws(CredentialError) -> Credentials {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .processFailed(profile: profile, reason: "its output is not a JSON object")
        }
        // `JSONSerialization` turns `true` into a number that casts to 1, so the version is read
        // with a typed decoder instead.
        struct VersionField: Decodable { var Version: Int }
        guard (try? JSONDecoder().decode(VersionField.self, from: data))?.Version == 1 else {
            throw .processFailed(profile: profile, reason: "its output lacks \"Version\": 1")
        }
        guard let keyID = object["AccessKeyId"] as? String, let secret = object["SecretAccessKey"] as? String else {
            throw .processFailed(profile: profile, reason: "its output lacks AccessKeyId or SecretAccessKey")
        }
        var expiration: Date?
        if let text = object["Expiration"] as? String {
            guard let date = ISO8601.parse(text) else {
                // The text is not repeated: a confused helper may have put a secret there.
                throw .processFailed(profile: profile, reason: "its Expiration is not an ISO 8601 timestamp")
            }
            expiration = date
        }
        return Credentials(
            accessKeyID: keyID, secretAccessKey: secret, sessionToken: object["SessionToken"] as? String,
            expiration: expiration, source: .process(profile: profile))
    }
}

/// Splits a command line into words with the quoting rules the AWS CLI applies to
/// `credential_process`: blanks separate words, double or single quotes group them.
enum CommandLineSplitter {
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
