internal import CCurl
internal import CCurlShims

extension HTTPError {
    /// Turns a libcurl status code into an ``HTTPError``; the one place where a `CURLcode` becomes
    /// a Swift error.
    ///
    /// - Parameters:
    ///   - code: the failing code; never `CURLE_OK`.
    ///   - operation: the libcurl call that returned it.
    ///   - detail: the text libcurl left in `CURLOPT_ERRORBUFFER`, possibly empty.
    ///   - requestBytesSent: `CURLINFO_REQUEST_SIZE` after the transfer, or `nil` when there was none.
    ///   - target: the method and origin of the request, for the message.
    init(curlCode code: CURLcode, operation: String, detail: String, requestBytesSent: Int?, target: String) {
        let kind = Self.kind(of: code)
        let summary = curl_easy_strerror(code).map { String(cString: $0) } ?? "CURLcode \(code.rawValue)"
        let message = detail.isEmpty || detail == summary ? summary : "\(summary): \(detail)"
        self.init(
            kind: kind, operation: operation, message: message,
            requestMayHaveReachedServer: Self.mayHaveReachedServer(kind: kind, requestBytesSent: requestBytesSent),
            target: target)
    }

    /// Turns a libcurl multi-interface status code into an ``HTTPError``; the one place where a
    /// `CURLMcode` becomes a Swift error.
    ///
    /// - Parameters:
    ///   - code: the failing code; never `CURLM_OK`.
    ///   - operation: the libcurl call that returned it.
    ///   - requestMayHaveReachedServer: whether the transfers it ends may already have sent something.
    init(multiCode code: CURLMcode, operation: String, requestMayHaveReachedServer: Bool) {
        let message = curl_multi_strerror(code).map { String(cString: $0) } ?? "CURLMcode \(code.rawValue)"
        self.init(
            kind: .other, operation: operation, message: message,
            requestMayHaveReachedServer: requestMayHaveReachedServer)
    }

    /// Classifies a libcurl code.
    private static func kind(of code: CURLcode) -> Kind {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            .couldNotResolve
        case CURLE_COULDNT_CONNECT:
            .couldNotConnect
        case CURLE_OPERATION_TIMEDOUT:
            .timedOut
        case CURLE_SEND_ERROR:
            .sendFailed
        case CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            .receiveFailed
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            .tls
        case CURLE_WEIRD_SERVER_REPLY, CURLE_BAD_CONTENT_ENCODING, CURLE_HTTP2, CURLE_HTTP2_STREAM,
            CURLE_HTTP3:
            .malformedResponse
        default:
            .other
        }
    }

    /// Whether the server may have seen the request.
    ///
    /// Resolve and connect failures happen before any byte is written. For other failures libcurl's count
    /// of request bytes sent decides: zero means the TLS handshake or connect never finished, so nothing
    /// reached the server; a send failure is never trusted, since part of the request may have gone out.
    private static func mayHaveReachedServer(kind: Kind, requestBytesSent: Int?) -> Bool {
        switch kind {
        case .couldNotResolve, .couldNotConnect:
            return false
        case .sendFailed:
            return true
        default:
            return requestBytesSent.map { $0 > 0 } ?? true
        }
    }
}
