import AWS
import Foundation
import FuzzSupport
import HTTP

/// Feeds random bytes, as the body of an AWS reply, to the XML tree builder, the error decoder and
/// the redactor that cleans reply bodies before a trace shows them.
///
/// Each input is one whole body, so seed files are replies exactly as a service sent them. The
/// status and service the error decoder sees are chosen from the body's length, to vary them without
/// a framing format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let body = fuzzInput(data, size)
    if let tree = try? XMLElementTree.parse(body) {
        walk(tree)
    }
    decodeAsError(body)
    SecretRedaction.check(String(decoding: body, as: UTF8.self))
    return 0
}

/// Reads the tree the way the query-protocol services read replies.
private func walk(_ tree: XMLElementTree) {
    require(tree == tree, "a parsed tree differs from itself")
    _ = tree.first(named: "Code")?.text
    _ = tree.text(at: "Errors", "Error", "Message")
    _ = tree.element(at: "AssumeRoleResult", "Credentials", "SecretAccessKey")
    for child in tree.children(tree.children.first?.name ?? "") {
        _ = child.attributes.count + child.text.count
    }
}

/// Decodes the body as the error reply of some operation.
private func decodeAsError(_ body: [UInt8]) {
    let statuses = [400, 403, 404, 409, 500, 503, 200, 301]
    let services = ServiceID.allCases
    let headers = HTTPHeaders([
        (name: "Date", value: "Thu, 03 Dec 2026 19:15:08 GMT"), (name: "x-amzn-RequestId", value: "fuzz-request"),
    ])
    let response = HTTPResponse(status: statuses[body.count % statuses.count], headers: headers, body: body)
    let service = services[body.count % services.count]
    let error = ErrorDecoder.decode(
        response, service: service, operation: "Fuzz", now: Date(timeIntervalSince1970: 1_796_325_000))
    _ = error.description
    _ = error.code
}

@_cdecl("FuzzXML_main")
func fuzzerMain(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, target: fuzzXML)
}
