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

    private static func runBlocking(_ arguments: [String], profile: String) throws -> Credentials {
        let process = Process()
        // No shell: a bare command name is looked up on PATH by env(1), as execvp would.
        process.executableURL = URL(fileURLWithPath: arguments[0].contains("/") ? arguments[0] : "/usr/bin/env")
        process.arguments = arguments[0].contains("/") ? Array(arguments.dropFirst()) : arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            let reason = Self.startFailure(error)
            throw CredentialError.processFailed(profile: profile, reason: "cannot start \(arguments[0]): \(reason)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            throw CredentialError.processFailed(
                profile: profile, reason: "it was killed by signal \(process.terminationStatus)")
        }
        guard process.terminationStatus == 0 else {
            let hint = process.terminationStatus == 127 && !arguments[0].contains("/") ? " (command not found?)" : ""
            throw CredentialError.processFailed(
                profile: profile, reason: "it exited with status \(process.terminationStatus)\(hint)")
        }
        return try decode(data, profile: profile)
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

extension ProcessCredentialProvider {
    /// The system's words for why a program did not start ("No such file or directory", "Text
    /// file busy"), not Foundation's error dump.
    fileprivate static func startFailure(_ error: any Error) -> String {
        let error = error as NSError
        let posix = [error, error.userInfo[NSUnderlyingErrorKey] as? NSError].compactMap { $0 }.last {
            $0.domain == NSPOSIXErrorDomain
        }
        if let posix { return String(cString: strerror(Int32(posix.code))) }
        if error.domain == NSCocoaErrorDomain, error.code == CocoaError.fileNoSuchFile.rawValue {
            return String(cString: strerror(ENOENT))
        }
        return error.localizedDescription
    }
}
