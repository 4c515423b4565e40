import Crypto
import Foundation

extension SigV4Signer {
    /// The signing algorithm's name, the first line of every string to sign.
    static let algorithm = "AWS4-HMAC-SHA256"

    /// Builds the canonical request of `request`, signing `host` and every header it carries
    /// ("Create a signed AWS API request", step 1: canonical request).
    /// - Throws: ``SigningError`` when a header name is invalid or `Host` is among the headers.
    public func canonicalRequest(_ request: SignableRequest, payloadHash: String) throws(SigningError) -> String {
        let headers = try CanonicalHeaders(host: request.host, headers: request.headers)
        return canonicalRequest(request, canonicalHeaders: headers, payloadHash: payloadHash)
    }

    /// Joins the six canonical-request parts; the header block ends with its own newline.
    func canonicalRequest(
        _ request: SignableRequest, canonicalHeaders: CanonicalHeaders, payloadHash: String
    ) -> String {
        [
            request.method, canonicalURI(request.path), Self.encodeQuery(request.query),
            canonicalHeaders.block, canonicalHeaders.signedHeaders, payloadHash,
        ].joined(separator: "\n")
    }

    /// Builds the string to sign for a canonical request ("Create a signed AWS API request",
    /// step 3: algorithm, timestamp, credential scope and the canonical request's hash).
    /// - Throws: ``SigningError/crypto(_:)`` when hashing fails.
    public func stringToSign(canonicalRequest: String, date: Date) throws(SigningError) -> String {
        let stamp = SigningDate(date)
        return [
            Self.algorithm, stamp.timestamp, credentialScope(stamp), try Self.hexHash(Array(canonicalRequest.utf8)),
        ]
        .joined(separator: "\n")
    }

    /// `YYYYMMDD/region/service/aws4_request`, the scope the signing key is valid for.
    func credentialScope(_ stamp: SigningDate) -> String {
        "\(stamp.day)/\(region)/\(service)/aws4_request"
    }

    /// The payload hash line: the body's SHA-256 or `UNSIGNED-PAYLOAD`.
    /// - Throws: ``SigningError/crypto(_:)`` when hashing fails.
    static func payloadHash(of body: [UInt8], _ payload: Payload) throws(SigningError) -> String {
        switch payload {
        case .signed: return try hexHash(body)
        case .unsigned: return "UNSIGNED-PAYLOAD"
        }
    }

    /// SHA-256 in hex, with libcrypto failures wrapped as signing errors.
    static func hexHash(_ bytes: [UInt8]) throws(SigningError) -> String {
        do {
            return try SHA256.hexHash(bytes)
        } catch {
            throw SigningError.crypto(error)
        }
    }
}
