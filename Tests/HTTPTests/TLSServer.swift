import Foundation
import TestSupport

/// `openssl s_server` on 127.0.0.1 with a fresh self-signed certificate for that address, answering
/// `GET /` with its status page (`-www`): a real TLS peer for the transport, which checks the
/// certificate against a CA bundle.
///
/// The certificate and key live in a private folder that ``stop()`` removes.
final class TLSServer {
    /// The kind of key the certificate holds.
    enum Key: String, CaseIterable, Sendable {
        case rsa
        case ecdsa

        /// `openssl req` options that make such a key.
        var newKeyArguments: [String] {
            switch self {
            case .rsa: ["-newkey", "rsa:2048"]
            case .ecdsa: ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
            }
        }
    }

    /// The only protocol version the server speaks.
    enum Version: String, CaseIterable, Sendable {
        case tls12 = "-tls1_2"
        case tls13 = "-tls1_3"
    }

    /// Why the server could not be started.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The port the server accepts on.
    let port: Int
    /// The server's certificate (PEM): a CA bundle that trusts it.
    let certificatePath: String
    private let folder: String
    private let process: ChildProcess

    /// Makes a certificate and starts the server.
    /// - Throws: `Failure` when openssl is missing or does not start within ten seconds.
    init(key: Key, version: Version) async throws {
        folder = NSTemporaryDirectory() + "s3x-tls-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        certificatePath = folder + "/cert.pem"
        let keyPath = folder + "/key.pem"
        try await Self.run(
            [
                "req", "-x509", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-keyout", keyPath, "-out", certificatePath,
            ] + key.newKeyArguments, in: folder)
        let output = folder + "/server.out"
        process = try ChildProcess(
            Self.openssl,
            [
                "s_server", "-accept", "127.0.0.1:0", "-cert", certificatePath, "-key", keyPath, "-www",
                version.rawValue,
            ],
            environment: ["PATH": "/usr/bin:/bin"], directory: folder, stdin: "/dev/null", stdout: output,
            stderr: output)
        // s_server names the port it was given: "ACCEPT 127.0.0.1:PORT".
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }),
                let port = line.split(separator: ":").last.flatMap({ Int($0) })
            {
                self.port = port
                return
            }
            if process.exitCode() != nil { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.kill()
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: folder)
        throw Failure(description: "openssl s_server did not start: \(text)")
    }

    /// Stops the server and removes its folder.
    func stop() {
        process.kill()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Debian's openssl, which scripts/test installs.
    private static let openssl = "/usr/bin/openssl"

    /// Runs openssl with `arguments` to its end.
    /// - Throws: `Failure` with its output when it fails or takes over ten seconds.
    private static func run(_ arguments: [String], in folder: String) async throws {
        let output = folder + "/openssl.out"
        let process = try ChildProcess(
            openssl, arguments, environment: ["PATH": "/usr/bin:/bin"], directory: folder, stdin: "/dev/null",
            stdout: output, stderr: output)
        let code = await process.exitCode(before: Date().addingTimeInterval(10))
        guard code == 0 else {
            process.kill()
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            throw Failure(
                description:
                    "openssl \(arguments.first ?? "") failed (\(code.map(String.init) ?? "timed out")): \(text)")
        }
    }
}
