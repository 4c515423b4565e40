import Foundation
import SigV4

/// Locates and reads AWS's SigV4 known-answer vectors (awslabs/aws-c-auth,
/// tests/aws-signing-test-suite/v4), kept outside the repository in ../shared/testdata.
enum AWSTestSuite {
    /// `<project root>/../shared/testdata/aws-signing-test-suite/v4`, found from this file's path.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SigV4Tests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // project root
        .appendingPathComponent("../shared/testdata/aws-signing-test-suite/v4")
        .standardized

    /// Whether the vectors are present (they are not on a user's machine).
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("get-vanilla").path)
    }

    /// The case folder names, sorted; empty when the vectors are absent.
    static let caseNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// Reads one file of a case as UTF-8 text.
    static func text(_ caseName: String, _ file: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(caseName).appendingPathComponent(file), encoding: .utf8)
    }
}

/// The `context.json` of one case.
struct SuiteContext: Decodable {
    struct Credentials: Decodable {
        let accessKeyID: String
        let secretAccessKey: String
        let token: String?

        enum CodingKeys: String, CodingKey {
            case accessKeyID = "access_key_id"
            case secretAccessKey = "secret_access_key"
            case token
        }
    }

    let credentials: Credentials
    let expirationInSeconds: Int
    let normalize: Bool
    let region: String
    let service: String
    let signBody: Bool
    let timestamp: String
    let omitSessionToken: Bool?

    enum CodingKeys: String, CodingKey {
        case credentials, normalize, region, service, timestamp
        case expirationInSeconds = "expiration_in_seconds"
        case signBody = "sign_body"
        case omitSessionToken = "omit_session_token"
    }

    /// Reads and decodes `context.json` of `caseName`.
    static func load(_ caseName: String) throws -> SuiteContext {
        try JSONDecoder().decode(SuiteContext.self, from: Data(AWSTestSuite.text(caseName, "context.json").utf8))
    }

    var signingCredentials: SigningCredentials {
        SigningCredentials(
            accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey,
            sessionToken: credentials.token)
    }

    var date: Date {
        get throws { try Date(timestamp, strategy: .iso8601) }
    }

    /// The signer options the context's flags describe.
    ///
    /// The suite's request lines carry their paths unencoded (a literal space, raw UTF-8) and
    /// aws-c-auth encodes that wire path once. Our paths are raw as well, so the matching rule is
    /// a single encoding; with `.standard`, a raw `/example space/` is sent as
    /// `/example%20space/` and signed as `/example%2520space/` (checked in SigV4SignerTests).
    var options: SigV4Signer.Options {
        SigV4Signer.Options(
            doubleEncodePath: false, normalizePath: normalize, payload: .signed, presignedPayload: .signed,
            sendContentSHA256Header: signBody, omitSessionTokenFromSignature: omitSessionToken ?? false)
    }
}

/// A request as written in the suite's `request.txt` and `*-signed-request.txt` files.
struct SuiteHTTPRequest: Equatable {
    var method: String
    var path: String
    var query: [QueryItem]
    /// Every header line including `Host`, with folded continuation lines joined by `\n`.
    var headers: [Header]
    var body: [UInt8]

    /// Parses `METHOD target HTTP/1.1`, header lines (a line starting with whitespace continues
    /// the previous value), a blank line, then the body.
    init(parsing text: String) throws {
        let parts = text.components(separatedBy: "\n\n")
        let head = parts[0].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        body = Array(parts.dropFirst().joined(separator: "\n\n").utf8)
        let requestLine = head[0]
        guard let space = requestLine.firstIndex(of: " "), requestLine.hasSuffix(" HTTP/1.1") else {
            throw SuiteParseError.badRequestLine(requestLine)
        }
        method = String(requestLine[..<space])
        let target = requestLine[requestLine.index(after: space)...].dropLast(" HTTP/1.1".count)
        let pieces = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(pieces[0])
        query = pieces.count > 1 ? Self.parseQuery(String(pieces[1])) : []
        headers = try Self.parseHeaders(head.dropFirst().filter { !$0.isEmpty })
    }

    private static func parseHeaders(_ lines: some Sequence<String>) throws -> [Header] {
        var headers: [Header] = []
        for line in lines {
            if line.first == " " || line.first == "\t", let last = headers.indices.last {
                headers[last].value += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append(Header(name: String(line[..<colon]), value: String(line[line.index(after: colon)...])))
            } else {
                throw SuiteParseError.badHeaderLine(line)
            }
        }
        return headers
    }

    private static func parseQuery(_ text: String) -> [QueryItem] {
        text.split(separator: "&").map { pair in
            let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in String(part).removingPercentEncoding ?? String(part) }
            return QueryItem(name: decode(nameValue[0]), value: nameValue.count > 1 ? decode(nameValue[1]) : "")
        }
    }

    /// The request to hand to the signer: `Host` moves out of the headers into `host`.
    var signable: SignableRequest {
        SignableRequest(
            method: method, host: headers.first { $0.name.lowercased() == "host" }?.value ?? "", path: path,
            query: query, headers: headers.filter { $0.name.lowercased() != "host" }, body: body)
    }
}

/// A malformed vector file.
enum SuiteParseError: Error, CustomStringConvertible {
    case badRequestLine(String)
    case badHeaderLine(String)

    var description: String {
        switch self {
        case .badRequestLine(let line): return "not an HTTP/1.1 request line: \(line)"
        case .badHeaderLine(let line): return "not a header line: \(line)"
        }
    }
}
