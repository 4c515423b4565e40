/// Something that sends one HTTP request and returns its response.
///
/// This is the seam between the AWS layers and the network: production code uses
/// ``CurlTransport``; tests substitute a fake that returns canned responses or throws.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the final response, whatever its status.
    ///
    /// - Throws: ``HTTPError`` when no complete response arrived, or `CancellationError`
    ///   when the calling task was cancelled.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
