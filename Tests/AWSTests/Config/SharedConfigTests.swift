import AWS
import Foundation
import Testing

/// The merged view of both shared files, loaded as the AWS CLI does.
@Suite struct SharedConfigTests {
    private static let config = """
        [default]
        region = us-east-1

        [profile dev]
        region = eu-west-1
        services = local
        aws_access_key_id = FROMCONFIG
        s3 =
          addressing_style = path

        [services local]
        s3 =
          endpoint_url = http://127.0.0.1:9000
        sts =
          endpoint_url = http://127.0.0.1:5000

        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = eu-central-1

        [plugins]
        cli_legacy_plugin_path = /x
        """

    private static let credentials = """
        [dev]
        aws_access_key_id = FROMCREDENTIALS
        aws_secret_access_key = s3cr3t

        [profile odd]
        aws_access_key_id = LITERAL
        """

    @Test func profilesServicesAndSSOSessionsAreSeparated() throws {
        let shared = try SharedConfig.parse(config: Self.config, credentials: Self.credentials)
        #expect(Set(shared.profiles.keys) == ["default", "dev", "profile odd"])
        #expect(shared.profiles["default"]?["region"] == "us-east-1")
        #expect(shared.profiles["dev"]?["services"] == "local")
        #expect(shared.profiles["dev"]?.subsections["s3"] == ["addressing_style": "path"])
        #expect(shared.services["local"]?["sts"] == ["endpoint_url": "http://127.0.0.1:5000"])
        #expect(shared.services["local"]?["s3"]?["endpoint_url"] == "http://127.0.0.1:9000")
        #expect(
            shared.ssoSessions["corp"] == [
                "sso_start_url": "https://corp.awsapps.com/start", "sso_region": "eu-central-1",
            ])
    }

    @Test func theCredentialsFileWins() throws {
        let shared = try SharedConfig.parse(config: Self.config, credentials: Self.credentials)
        #expect(shared.profiles["dev"]?["aws_access_key_id"] == "FROMCREDENTIALS")
        #expect(shared.profiles["dev"]?["aws_secret_access_key"] == "s3cr3t")
        #expect(shared.profiles["dev"]?["region"] == "eu-west-1")
    }

    @Test func aConfigSectionWithoutThePrefixIsNotAProfile() throws {
        let shared = try SharedConfig.parse(config: "[dev]\nregion = x\n[profile default]\noutput = json\n")
        #expect(shared.profiles["dev"] == nil)
        #expect(shared.profiles["default"]?["output"] == "json")
    }

    @Test func loadHonoursTheFileVariables() throws {
        let directory = try TemporaryDirectory()
        let configPath = try directory.write("my-config", Self.config)
        let credentialsPath = try directory.write("my-credentials", Self.credentials)
        let environment = Environment([
            "HOME": "/nonexistent", "AWS_CONFIG_FILE": configPath, "AWS_SHARED_CREDENTIALS_FILE": credentialsPath,
        ])
        let shared = try SharedConfig.load(environment: environment)
        #expect(shared.configPath == configPath)
        #expect(shared.credentialsPath == credentialsPath)
        #expect(shared.profiles["dev"]?["aws_access_key_id"] == "FROMCREDENTIALS")
    }

    @Test func loadReadsTheHomeDirectoryAndToleratesMissingFiles() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(directory.path)/.aws", withIntermediateDirectories: true)
        try directory.write(".aws/config", "[profile home]\nregion = ap-south-1\n")
        let shared = try SharedConfig.load(environment: Environment(["HOME": directory.path]))
        #expect(shared.configPath == "\(directory.path)/.aws/config")
        #expect(shared.profiles["home"]?["region"] == "ap-south-1")

        let tilde = try SharedConfig.load(
            environment: Environment(["HOME": directory.path, "AWS_CONFIG_FILE": "~/none"]))
        #expect(tilde.configPath == "\(directory.path)/none")
        #expect(tilde.profiles.isEmpty)
    }

    @Test func aMalformedFileIsReportedWithItsPathAndLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("config", "[default]\nregion = us-east-1\nthis is not a setting\n")
        let error = #expect(throws: SharedConfigError.self) {
            try SharedConfig.load(environment: Environment(["HOME": directory.path, "AWS_CONFIG_FILE": path]))
        }
        #expect(error == .syntax(file: path, line: 3, reason: "expected 'key = value'"))
    }

    @Test func aFileThatIsNotUTF8IsUnreadable() throws {
        let directory = try TemporaryDirectory()
        let path = "\(directory.path)/config"
        try Data([0x5B, 0xFF, 0xFE, 0x5D]).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SharedConfigError.self) {
            try SharedConfig.load(environment: Environment(["HOME": directory.path, "AWS_CONFIG_FILE": path]))
        }
        #expect(error == .unreadable(file: path, reason: "not UTF-8 text"))
    }

    @Test func theProfileComesFromAWSProfile() {
        #expect(SharedConfig.selectedProfileName(environment: Environment(["AWS_PROFILE": "dev"])) == "dev")
        #expect(SharedConfig.selectedProfileName(environment: Environment(["AWS_PROFILE": ""])) == "default")
        #expect(SharedConfig.selectedProfileName(environment: Environment([:])) == "default")
    }
}
