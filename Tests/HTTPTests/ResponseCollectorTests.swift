import Testing

@testable import HTTP

/// How raw header lines from libcurl become a response's header fields.
@Suite struct ResponseCollectorTests {
    private func headers(after lines: [String]) -> HTTPHeaders {
        let collector = ResponseCollector()
        for line in lines {
            Array(line.utf8).withUnsafeBytes { collector.receiveHeaderLine($0) }
        }
        return collector.headers
    }

    @Test func fieldsAreTrimmedAndKeepColonsInTheirValues() {
        let fields = headers(after: [
            "HTTP/1.1 200 OK\r\n", "Content-Type: \t text/xml \r\n", "Location:http://127.0.0.1:9/x\r\n",
            "X-Empty:\r\n", "\r\n",
        ])
        #expect(fields.map(\.name) == ["Content-Type", "Location", "X-Empty"])
        #expect(fields.map(\.value) == ["text/xml", "http://127.0.0.1:9/x", ""])
    }

    @Test func aLaterStatusLineDropsTheInterimResponsesFields() {
        let fields = headers(after: [
            "HTTP/1.1 100 Continue\r\n", "X-Interim: yes\r\n", "\r\n",
            "HTTP/1.1 200 OK\r\n", "Date: Thu, 03 Dec 2026 19:15:08 GMT\r\n", "\r\n",
        ])
        #expect(fields.map(\.name) == ["Date"])
        #expect(fields["date"] == "Thu, 03 Dec 2026 19:15:08 GMT")
    }

    @Test func aFoldedLineContinuesThePreviousValue() {
        let fields = headers(after: ["HTTP/1.1 200 OK\r\n", "X-Long: first\r\n", " \t second part \n"])
        #expect(fields["x-long"] == "first second part")
        #expect(fields.count == 1)
    }

    @Test func nonASCIIBytesAreDecodedAndLinesWithoutAColonIgnored() {
        let fields = headers(after: ["HTTP/1.1 200 OK\r\n", "X-Name: caf\u{E9}\r\n", "garbage line\r\n"])
        #expect(fields.map(\.value) == ["caf\u{E9}"])
    }

    @Test func namesMatchWithoutRegardToASCIICaseOnly() {
        let fields: HTTPHeaders = ["X-\u{C9}t\u{E9}": "1"]
        #expect(fields["x-\u{C9}T\u{E9}"] == "1")
        #expect(fields["x-\u{E9}t\u{E9}"] == nil)
    }
}
