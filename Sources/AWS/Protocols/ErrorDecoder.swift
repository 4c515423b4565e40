import Foundation
import HTTP

/// Turns a non-2xx reply into a `ServiceError`, sniffing the body instead of trusting
/// `Content-Type` (the emulator labels JSON as HTML, and sends XML authentication errors from
/// JSON services).
public enum ErrorDecoder {
    /// Decodes the error in `response` to `operation` of `service`; `now` is the local time the
    /// server's `Date` header is compared with to report clock skew.
    public static func decode(
        _ response: HTTPResponse, service: ServiceID, operation: String, now: Date = Date()
    ) -> AWSError {
        let requestID = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]
        let serverDate = response.headers["Date"].flatMap(HTTPDate.parse)
        var error = ServiceError(
            service: service, operation: operation, status: response.status, code: "", message: "",
            requestID: requestID, serverDate: serverDate)
        let body = response.body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if let first = body.first, first == UInt8(ascii: "<"), isHTML(body) {
            return .malformedResponse(
                service: service, operation: operation, status: response.status,
                reason: "an HTML page instead of an AWS error (the endpoint may not be an AWS service)")
        } else if let first = body.first, first == UInt8(ascii: "<") {
            guard let tree = try? XMLElementTree.parse(Array(body)) else {
                return .malformedResponse(
                    service: service, operation: operation, status: response.status,
                    reason: "an error reply with malformed XML (\(body.count) bytes)")
            }
            error.code = tree.first(named: "Code")?.text ?? ""
            error.message = tree.first(named: "Message")?.text ?? ""
            error.requestID = error.requestID ?? tree.first(named: "RequestId")?.text
        } else if let first = body.first, first == UInt8(ascii: "{") {
            decodeJSON(Data(body), into: &error)
        }
        if error.code.isEmpty, let type = response.headers["x-amzn-ErrorType"] {
            // REST-JSON services (IAM Identity Center's portal) may name the error in this header
            // only, as `Code:http://...`.
            error.code = type.split(separator: ":", maxSplits: 1).first.map(String.init) ?? type
        }
        if error.code.isEmpty { error.code = defaultCode(status: response.status) }
        if error.code == "RequestTimeTooSkewed", let serverDate {
            return .clockSkew(error, offset: serverDate.timeIntervalSince(now))
        }
        return .service(error)
    }

    private static func decodeJSON(_ data: Data, into error: inout ServiceError) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return }
        let rawType = (object["__type"] as? String) ?? (object["code"] as? String) ?? (object["Code"] as? String) ?? ""
        // `__type` may be `prefix#Code` or carry a `:http://...` suffix (AWS JSON protocol docs):
        // the suffix goes first, since the URL in it may itself hold a `#`.
        let beforeColon =
            rawType.utf8.split(separator: UInt8(ascii: ":"), maxSplits: 1).first.map { String(Substring($0)) }
            ?? rawType
        error.code =
            beforeColon.utf8.split(separator: UInt8(ascii: "#")).last.map { String(Substring($0)) } ?? beforeColon
        error.message = (object["message"] as? String) ?? (object["Message"] as? String) ?? ""
    }

    /// The reason given for a successful reply that is an HTML page.
    static let htmlReply = "an HTML page instead of an AWS reply (the endpoint may not be an AWS service)"

    /// Whether `body`, after leading blanks, starts like an HTML page (a proxy, captive portal or
    /// web server answering instead of AWS).
    static func isHTML<Body: Collection<UInt8>>(_ body: Body) -> Bool {
        let start = body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        let head = String(decoding: start.prefix(64), as: UTF8.self).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }

    /// The code implied by a status when the body names none (e.g. S3's bodiless HEAD replies).
    static func defaultCode(status: Int) -> String {
        switch status {
        case 301: "PermanentRedirect"
        case 400: "BadRequest"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 409: "Conflict"
        case 500: "InternalError"
        case 503: "ServiceUnavailable"
        default: "HTTP\(status)"
        }
    }
}
