import AWS
import CrossAccount
import Foundation
import FuzzSupport
import Services

/// Feeds random text to the JSON 1.1 reply decoding (CloudTrail's models), the policy parser and
/// the bucket-policy editor, which reads whatever policy a bucket already holds.
///
/// Properties checked beyond "no crash, no hang": a parsed policy reads back equal from its own
/// compact and pretty text; granting accounts twice adds nothing the second time.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    CloudTrailReplies.decodeAll(Data(bytes))
    let text = String(decoding: bytes, as: UTF8.self)
    if let value = try? JSONValue(parsing: text) {
        checkRoundTrip(value)
    }
    if let document = try? PolicyDocument(parsing: text) {
        readStatements(of: document)
        BucketPolicyEdits.check(existing: text)
    }
    return 0
}

/// The serialized forms of a value parse back to the same value.
private func checkRoundTrip(_ value: JSONValue) {
    let compact = try? JSONValue(parsing: value.compactText)
    require(compact == value, "compact text does not read back: \(value.compactText.debugDescription)")
    let pretty = try? JSONValue(parsing: value.prettyText)
    require(pretty == value, "pretty text does not read back: \(value.prettyText.debugDescription)")
}

/// Reads every statement field the ensure actions look at.
private func readStatements(of document: PolicyDocument) {
    _ = document.iamCharacterCount + document.byteCount
    for statement in document.statements {
        _ = (statement.sid, statement.effect, statement.actions, statement.resources, statement.condition)
        _ = statement.principal?.values(of: "AWS")
        _ = statement.allows(action: "s3:PutObject")
    }
    _ = PolicyDiff.render(old: document, new: PolicyDocument())
}

@_cdecl("FuzzJSON_main")
func fuzzerMain(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, target: fuzzJSON)
}
