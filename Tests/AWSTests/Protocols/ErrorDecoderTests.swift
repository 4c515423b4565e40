import AWS
import Foundation
import HTTP
import Testing

/// Non-2xx replies of every shape become clear errors, never a crash.
@Suite struct ErrorDecoderTests {
    private static func decode(
        _ status: Int, _ body: String, headers: HTTPHeaders = HTTPHeaders(), service: ServiceID = .sts
    ) -> AWSError {
        let response = HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
        return ErrorDecoder.decode(response, service: service, operation: "Op", now: TestClock.reference)
    }

    @Test func queryErrorsGiveCodeMessageAndRequestID() {
        let error = Self.decode(403, Fixtures.queryError("AccessDenied", "User is not authorized"))
        #expect(
            error.serviceError
                == ServiceError(
                    service: .sts, operation: "Op", status: 403, code: "AccessDenied",
                    message: "User is not authorized",
                    requestID: "req-1"))
        #expect(
            error.description == "sts Op failed with AccessDenied (HTTP 403): User is not authorized (request id req-1)"
        )
    }

    @Test func theRequestIDHeaderWinsOverTheBody() {
        let error = Self.decode(400, Fixtures.queryError("X"), headers: ["x-amzn-RequestId": "from-header"])
        #expect(error.serviceError?.requestID == "from-header")
    }

    @Test func truncatedXMLIsAMalformedResponse() {
        let error = Self.decode(400, "<ErrorResponse><Error><Code>Throttl")
        guard case .malformedResponse(.sts, "Op", 400, let reason) = error else {
            Issue.record("expected .malformedResponse, got \(error)")
            return
        }
        #expect(reason == "an error reply with malformed XML (35 bytes)")
    }

    @Test(arguments: [500, 200, 403])
    func anHTMLPageIsNamedAsSuch(status: Int) {
        let page = "\n<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
        let error = Self.decode(status, page)
        #expect(error.code == nil)
        #expect(
            error.description == "sts Op answered something s3x cannot read (HTTP \(status)): "
                + "an HTML page instead of an AWS error (the endpoint may not be an AWS service)")
    }

    @Test(arguments: [(403, "Forbidden"), (404, "NotFound"), (500, "InternalError"), (418, "HTTP418")])
    func anEmptyBodyTakesItsCodeFromTheStatus(status: Int, code: String) {
        let error = Self.decode(status, "")
        #expect(error.code == code)
        #expect(error.serviceError?.message == "")
        #expect(error.description == "sts Op failed with \(code) (HTTP \(status))")
    }

    @Test(arguments: [
        "com.amazonaws.cloudtrail.v20131101#TrailNotFoundException",
        "TrailNotFoundException:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        "aws.cloudtrail#TrailNotFoundException:http://internal.amazon.com/#fragment",
        "TrailNotFoundException",
    ])
    func jsonTypeLosesItsNamespaceAndSuffix(type: String) {
        let error = Self.decode(400, #"{"__type":"\#(type)","message":"Unknown trail"}"#, service: .cloudtrail)
        #expect(error.code == "TrailNotFoundException")
        #expect(error.serviceError?.message == "Unknown trail")
    }

    @Test func jsonWithCapitalisedKeysIsRead() {
        let error = Self.decode(400, #"{"Code":"InvalidParameter","Message":"bad"}"#, service: .cloudtrail)
        #expect(error.code == "InvalidParameter")
        #expect(error.serviceError?.message == "bad")
    }

    @Test func brokenJSONFallsBackToTheStatus() {
        let error = Self.decode(503, #"{"__type": "Thrott"#, service: .cloudtrail)
        #expect(error.code == "ServiceUnavailable")
    }

    @Test func anXMLErrorFromAJSONServiceIsRead() {
        let body = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>
              <Message>The security token included in the request is invalid.</Message></Error>
              <RequestId>4c5e-aa</RequestId>
            </ErrorResponse>
            """
        let error = Self.decode(403, body, service: .cloudtrail)
        #expect(error.code == "InvalidClientTokenId")
        #expect(error.serviceError?.message == "The security token included in the request is invalid.")
        #expect(error.serviceError?.requestID == "4c5e-aa")
    }

    @Test func s3ErrorsWithoutAWrapperAreRead() {
        let body = "<?xml version=\"1.0\"?><Error><Code>NoSuchBucket</Code><Message>gone</Message></Error>"
        let error = Self.decode(404, body, headers: ["x-amz-request-id": "s3-req"], service: .s3)
        #expect(error.code == "NoSuchBucket")
        #expect(error.serviceError?.requestID == "s3-req")
    }

    @Test(arguments: [(1200.0, "behind"), (-1200.0, "ahead of")])
    func requestTimeTooSkewedReportsTheOffset(offset: Double, direction: String) {
        let serverDate = TestClock.reference.addingTimeInterval(offset)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let headers: HTTPHeaders = ["Date": formatter.string(from: serverDate)]
        let error = Self.decode(403, Fixtures.queryError("RequestTimeTooSkewed"), headers: headers, service: .s3)
        guard case .clockSkew(let serviceError, let measured) = error else {
            Issue.record("expected .clockSkew, got \(error)")
            return
        }
        #expect(measured == offset)
        #expect(serviceError.serverDate == serverDate)
        #expect(
            error.description == "s3 Op was refused (RequestTimeTooSkewed): this machine's clock is 1200 s "
                + "\(direction) the server's; set the clock right (NTP) and retry")
    }

    @Test func requestTimeTooSkewedWithoutADateIsAPlainServiceError() {
        let error = Self.decode(403, Fixtures.queryError("RequestTimeTooSkewed"), service: .s3)
        guard case .service = error else {
            Issue.record("expected .service, got \(error)")
            return
        }
        #expect(error.code == "RequestTimeTooSkewed")
    }
}
