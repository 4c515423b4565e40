import Foundation
import SigV4

/// Signs the benchmark's requests (bench/sign_requests.json, shared with the botocore side) for a
/// given number of seconds and prints `{"signatures": N, "seconds": S, "per_second": R}`.
///
///     SignBench REQUESTS_JSON [SECONDS]
struct BenchRequest: Decodable {
    var service: String
    var method: String
    var path: String
    var query: [[String]]
    var headers: [[String]]
    var body: String
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: SignBench REQUESTS_JSON [SECONDS]\n".utf8))
    exit(2)
}
let duration = arguments.count > 2 ? Double(arguments[2]) ?? 2 : 2
let specs: [BenchRequest]
do {
    specs = try JSONDecoder().decode([BenchRequest].self, from: data)
} catch {
    FileHandle.standardError.write(Data("SignBench: \(error)\n".utf8))
    exit(2)
}
let credentials = SigningCredentials(
    accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "token")
let work: [(SigV4Signer, SignableRequest)] = specs.map { spec in
    let options: SigV4Signer.Options = spec.service == "s3" ? .s3 : .standard
    let signer = SigV4Signer(service: spec.service, region: "us-east-1", options: options)
    let request = SignableRequest(
        method: spec.method, host: "127.0.0.1:5000", path: spec.path,
        query: spec.query.map { QueryItem(name: $0[0], value: $0.count > 1 ? $0[1] : "") },
        headers: spec.headers.map { Header(name: $0[0], value: $0[1]) }, body: Array(spec.body.utf8))
    return (signer, request)
}
let start = Date()
var count = 0
var sink = 0
while Date().timeIntervalSince(start) < duration {
    for (signer, request) in work {
        // A new date per signature, as a client signs each request at its own time.
        let signed = try signer.sign(request, credentials: credentials, date: Date())
        sink &+= signed.headers.count
        count += 1
    }
}
let seconds = Date().timeIntervalSince(start)
let perSecond = Double(count) / seconds
print("{\"signatures\": \(count), \"seconds\": \(seconds), \"per_second\": \(perSecond), \"sink\": \(sink)}")
