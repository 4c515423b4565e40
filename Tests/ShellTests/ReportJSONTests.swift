import CrossAccount
import Testing

@testable import Shell

/// The JSON form of reports: one object per line, keys sorted, absent parts left out.
@Suite struct ReportJSONTests {
    @Test func fullReport() {
        let report = Report(
            command: "bucket create", account: "primary", resource: "logs/b", outcome: .wouldCreate,
            fields: [.init("bucket arn", "arn:aws:s3:::b")], changes: ["create bucket"], diff: ["+ x"],
            calls: ["s3:CreateBucket b"], table: .init(columns: ["a"], rows: [["1"]]))
        #expect(
            ReportJSON.render(report)
                == #"{"account":"primary","calls":["s3:CreateBucket b"],"changes":["create bucket"],"command":"bucket create","#
                + #""diff":["+ x"],"fields":{"bucket_arn":"arn:aws:s3:::b"},"outcome":"would create","resource":"logs/b","#
                + #""succeeded":true,"table":{"columns":["a"],"rows":[["1"]]}}"#)
    }

    @Test func minimalReport() {
        #expect(ReportJSON.render(Report(command: "echo")) == #"{"command":"echo","succeeded":true}"#)
        #expect(
            ReportJSON.render(Report(command: "check", succeeded: false)) == #"{"command":"check","succeeded":false}"#)
    }

    @Test func errorObject() {
        #expect(
            ReportJSON.error(command: "whoami", account: "sec1", message: "it \"failed\"", hint: "retry")
                == #"{"account":"sec1","command":"whoami","error":"it \"failed\"","hint":"retry","succeeded":false}"#)
        #expect(
            ReportJSON.error(command: nil, account: nil, message: "m", hint: nil) == #"{"error":"m","succeeded":false}"#
        )
    }
}
