import Testing

@testable import HTTP

/// What errors and traces may show of a URL: never its query or user information.
@Suite struct URLPartsTests {
    @Test(arguments: [
        ("https://sts.amazonaws.com/?Action=GetCallerIdentity", "https://sts.amazonaws.com"),
        ("http://127.0.0.1:5000/bucket?X-Amz-Signature=abc", "http://127.0.0.1:5000"),
        ("https://user:secret@example.com:8443/path#frag", "https://example.com:8443"),
        ("http://a@b@host?x=@y", "http://host"),
        ("http://host", "http://host"),
        ("localhost:9000/path", "(no scheme)"),
        ("no scheme at all", "(no scheme)"),
    ])
    func originDropsPathQueryAndUserInformation(url: String, origin: String) {
        #expect(URLParts.origin(url) == origin)
    }

    @Test func withoutQueryStopsAtTheQueryOrFragment() {
        #expect(URLParts.withoutQuery("https://h/p?sig=1#f") == "https://h/p")
        #expect(URLParts.withoutQuery("https://h/p#f?x") == "https://h/p")
    }
}
