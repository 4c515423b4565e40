import HTTP
import Testing

@Suite struct HTTPHeadersTests {
    @Test func lookupIgnoresCaseAndReturnsTheFirstValue() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain"]
        headers.add(name: "X-Amz-Meta", value: "one")
        headers.add(name: "x-amz-meta", value: "two")

        #expect(headers["content-type"] == "text/plain")
        #expect(headers["X-AMZ-META"] == "one")
        #expect(headers.values(for: "X-Amz-Meta") == ["one", "two"])
        #expect(headers["Missing"] == nil)
    }

    @Test func iterationKeepsInsertionOrderAndCase() {
        var headers = HTTPHeaders()
        headers.add(name: "B", value: "2")
        headers.add(name: "a", value: "1")
        headers.add(name: "B", value: "3")

        let pairs = headers.map { "\($0.name)=\($0.value)" }
        #expect(pairs == ["B=2", "a=1", "B=3"])
    }

    @Test func replaceKeepsThePositionAndRemovesDuplicates() {
        var headers: HTTPHeaders = ["Host": "h", "X-Token": "old", "Accept": "*/*"]
        headers.add(name: "x-token", value: "older")
        headers.replace(name: "X-TOKEN", value: "new")

        #expect(headers.map(\.name) == ["Host", "X-TOKEN", "Accept"])
        #expect(headers["x-token"] == "new")
        headers.replace(name: "Date", value: "today")
        #expect(headers.map(\.name).last == "Date")
    }

    @Test func removeDropsEveryFieldOfThatName() {
        var headers: HTTPHeaders = ["A": "1", "b": "2"]
        headers.add(name: "a", value: "3")
        headers.remove(name: "A")

        #expect(headers.count == 1)
        #expect(!headers.contains(name: "a"))
    }

    @Test func descriptionShowsNamesButNeverValues() {
        let headers: HTTPHeaders = ["Authorization": "AWS4-HMAC-SHA256 Signature=deadbeef"]

        #expect(headers.description == "HTTPHeaders(Authorization)")
        #expect(!headers.description.contains("deadbeef"))
    }

    @Test func requestDescriptionHidesTheQuery() {
        let request = HTTPRequest(method: "GET", url: "https://b.s3.amazonaws.com/k?X-Amz-Signature=abc123")

        #expect(request.description == "GET https://b.s3.amazonaws.com/k")
    }
}
