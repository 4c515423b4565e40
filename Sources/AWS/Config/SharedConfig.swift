import Foundation

/// The merged view of `~/.aws/config` and `~/.aws/credentials`, as the AWS CLI builds it.
///
/// File locations honour `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE`; the selected
/// profile is `AWS_PROFILE`, else `default`. For a profile present in both files, the
/// credentials file's keys win.
public struct SharedConfig: Sendable {
    /// One named profile's settings.
    public struct Profile: Sendable, Equatable {
        /// The profile's name (without the `profile ` prefix of the config file).
        public var name: String
        /// Its settings.
        public var values: [String: String]
        /// Its nested settings (e.g. `s3 =` blocks).
        public var subsections: [String: [String: String]]

        /// The value of `key`, or nil when absent or empty.
        public subscript(key: String) -> String? {
            guard let value = values[key], !value.isEmpty else { return nil }
            return value
        }
    }

    /// Profiles by name.
    public var profiles: [String: Profile]
    /// `[sso-session NAME]` sections by name.
    public var ssoSessions: [String: [String: String]]
    /// `[services NAME]` sections by name: service key (`s3`, `sts`, ...) to its settings.
    public var services: [String: [String: [String: String]]]
    /// The file paths read, for messages.
    public var configPath: String
    /// The credentials file path, for messages.
    public var credentialsPath: String

    /// An empty configuration (no files).
    public init(configPath: String = "", credentialsPath: String = "") {
        self.profiles = [:]
        self.ssoSessions = [:]
        self.services = [:]
        self.configPath = configPath
        self.credentialsPath = credentialsPath
    }

    /// Loads both files for `environment`; a missing file counts as empty.
    /// - Throws: `SharedConfigError` for a file that exists but is malformed or unreadable.
    public static func load(environment: Environment) throws(SharedConfigError) -> SharedConfig {
        let home = environment.homeDirectory
        let configPath = environment.expandingTilde(environment["AWS_CONFIG_FILE"] ?? "\(home)/.aws/config")
        let credentialsPath = environment.expandingTilde(
            environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "\(home)/.aws/credentials")
        var config = SharedConfig(configPath: configPath, credentialsPath: credentialsPath)
        if let text = try readIfPresent(configPath) {
            config.merge(configSections: try SharedConfigParser.parse(text, file: configPath))
        }
        if let text = try readIfPresent(credentialsPath) {
            config.merge(credentialSections: try SharedConfigParser.parse(text, file: credentialsPath))
        }
        return config
    }

    /// Builds a configuration from file texts directly (for tests).
    /// - Throws: `SharedConfigError.syntax` for malformed text.
    public static func parse(config: String, credentials: String = "") throws(SharedConfigError) -> SharedConfig {
        var result = SharedConfig(configPath: "config", credentialsPath: "credentials")
        result.merge(configSections: try SharedConfigParser.parse(config, file: "config"))
        result.merge(credentialSections: try SharedConfigParser.parse(credentials, file: "credentials"))
        return result
    }

    /// The profile `AWS_PROFILE` selects, else `default`.
    public static func selectedProfileName(environment: Environment) -> String {
        environment["AWS_PROFILE"] ?? environment["AWS_DEFAULT_PROFILE"] ?? "default"
    }

    private mutating func merge(configSections: [SharedConfigParser.Section]) {
        for section in configSections {
            let words = section.header.split(separator: " ", maxSplits: 1).map(String.init)
            switch (words.first, words.count) {
            case ("default", 1):
                mergeProfile(named: "default", section, overriding: false)
            case ("profile", 2):
                mergeProfile(named: words[1].trimmingBlanks(), section, overriding: false)
            case ("sso-session", 2):
                ssoSessions[words[1].trimmingBlanks()] = section.values
            case ("services", 2):
                services[words[1].trimmingBlanks()] = section.subsections
            default:
                continue  // The CLI ignores unknown section kinds in the config file.
            }
        }
    }

    private mutating func merge(credentialSections: [SharedConfigParser.Section]) {
        for section in credentialSections {
            mergeProfile(named: section.header, section, overriding: true)
        }
    }

    private mutating func mergeProfile(named name: String, _ section: SharedConfigParser.Section, overriding: Bool) {
        var profile = profiles[name] ?? Profile(name: name, values: [:], subsections: [:])
        for (key, value) in section.values where overriding || profile.values[key] == nil {
            profile.values[key] = value
        }
        for (key, value) in section.subsections where overriding || profile.subsections[key] == nil {
            profile.subsections[key] = value
        }
        profiles[name] = profile
    }

    private static func readIfPresent(_ path: String) throws(SharedConfigError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "permission denied or not a regular file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: path, reason: "not UTF-8 text")
        }
        return text
    }
}
