import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4, following AWS's "Create a signed AWS API request".
///
/// A pure value: the date is a parameter and the only dependency is hashing. Derived signing keys
/// are reused through a shared, bounded ``SigningKeyCache``.
public struct SigV4Signer: Sendable {
    /// Where the signature goes.
    public enum Mode: Sendable, Equatable {
        /// In the `Authorization` header.
        case header
        /// In `X-Amz-*` query parameters of a URL valid for `expires` seconds (presigning).
        case query(expires: Int)
    }

    /// The service's signing name, e.g. `s3`, `sts`, `iam`.
    public let service: String
    /// The region in the credential scope, e.g. `us-east-1`.
    public let region: String
    /// The service-specific rules.
    public let options: Options
    /// Where derived signing keys are kept between requests.
    public let keyCache: SigningKeyCache

    /// Creates a signer for one service in one region.
    public init(service: String, region: String, options: Options = .standard, keyCache: SigningKeyCache = .shared) {
        self.service = service
        self.region = region
        self.options = options
        self.keyCache = keyCache
    }

    /// Returns the request with `X-Amz-Security-Token` (temporary credentials), `X-Amz-Date`,
    /// `x-amz-content-sha256` (when the options send it) and `Authorization` added.
    ///
    /// Every header of `request` is signed; add headers that must stay unsigned afterwards.
    /// - Throws: ``SigningError`` for incomplete credentials, invalid headers or a hashing failure.
    public func sign(
        _ request: SignableRequest, credentials: SigningCredentials, date: Date
    ) throws(SigningError) -> SignableRequest {
        try trace(request, credentials: credentials, date: date, mode: .header).request
    }

    /// Returns the request with the presigning query parameters added (`X-Amz-Algorithm`,
    /// `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-SignedHeaders`, `X-Amz-Expires`,
    /// `X-Amz-Security-Token` when present, then `X-Amz-Signature`).
    /// - Throws: ``SigningError`` as ``sign(_:credentials:date:)`` does, or when `expires` is not
    ///   within 1...604800 seconds.
    public func presign(
        _ request: SignableRequest, credentials: SigningCredentials, date: Date, expires: Int
    ) throws(SigningError) -> SignableRequest {
        try trace(request, credentials: credentials, date: date, mode: .query(expires: expires)).request
    }

    /// Signs `request` and returns every intermediate step along with the signed request.
    /// - Throws: ``SigningError`` as ``sign(_:credentials:date:)`` and ``presign(_:credentials:date:expires:)``.
    public func trace(
        _ request: SignableRequest, credentials: SigningCredentials, date: Date, mode: Mode
    ) throws(SigningError) -> SigningTrace {
        try Self.validate(credentials)
        let stamp = SigningDate(date)
        switch mode {
        case .header:
            return try signHeaders(request, credentials: credentials, stamp: stamp, date: date)
        case .query(let expires):
            guard (1...604_800).contains(expires) else { throw SigningError.expiresOutOfRange(seconds: expires) }
            return try signQuery(request, credentials: credentials, stamp: stamp, date: date, expires: expires)
        }
    }

    /// Header signing: add the date, token and payload headers, then `Authorization`.
    private func signHeaders(
        _ request: SignableRequest, credentials: SigningCredentials, stamp: SigningDate, date: Date
    ) throws(SigningError) -> SigningTrace {
        let payloadHash = try Self.payloadHash(of: request.body, options.payload)
        var added: [Header] = []
        if let token = credentials.sessionToken { added.append(Header(name: "X-Amz-Security-Token", value: token)) }
        added.append(Header(name: "X-Amz-Date", value: stamp.timestamp))
        if options.sendContentSHA256Header { added.append(Header(name: "x-amz-content-sha256", value: payloadHash)) }
        let replaced = Set(added.map { $0.name.lowercased() } + ["authorization"])

        var signed = request
        signed.headers = request.headers.filter { !replaced.contains($0.name.lowercased()) } + added
        var toSign = signed
        if options.omitSessionTokenFromSignature {
            toSign.headers.removeAll { $0.name.lowercased() == "x-amz-security-token" }
        }
        let headers = try CanonicalHeaders(host: toSign.host, headers: toSign.headers)
        let canonical = canonicalRequest(toSign, canonicalHeaders: headers, payloadHash: payloadHash)
        let stringToSign = try stringToSign(canonicalRequest: canonical, date: date)
        let signature = try sign(stringToSign, credentials: credentials, stamp: stamp)

        // Step 5: add the signature to the request, in the Authorization header.
        let authorization =
            "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(credentialScope(stamp)), "
            + "SignedHeaders=\(headers.signedHeaders), Signature=\(signature)"
        signed.headers.append(Header(name: "Authorization", value: authorization))
        return SigningTrace(
            request: signed, canonicalRequest: canonical, stringToSign: stringToSign, signature: signature)
    }

    /// Query signing (presigning): the signing parameters join the query; no headers are added.
    private func signQuery(
        _ request: SignableRequest, credentials: SigningCredentials, stamp: SigningDate, date: Date, expires: Int
    ) throws(SigningError) -> SigningTrace {
        let payloadHash = try Self.payloadHash(of: request.body, options.presignedPayload)
        let headers = try CanonicalHeaders(host: request.host, headers: request.headers)
        var added = [
            QueryItem(name: "X-Amz-Algorithm", value: Self.algorithm),
            QueryItem(name: "X-Amz-Credential", value: "\(credentials.accessKeyID)/\(credentialScope(stamp))"),
            QueryItem(name: "X-Amz-Date", value: stamp.timestamp),
            QueryItem(name: "X-Amz-SignedHeaders", value: headers.signedHeaders),
            QueryItem(name: "X-Amz-Expires", value: String(expires)),
        ]
        let token = credentials.sessionToken.map { QueryItem(name: "X-Amz-Security-Token", value: $0) }
        if let token, !options.omitSessionTokenFromSignature { added.append(token) }
        let replaced = Set(added.map(\.name) + ["X-Amz-Security-Token", "X-Amz-Signature"])

        var signed = request
        signed.query = request.query.filter { !replaced.contains($0.name) } + added
        let canonical = canonicalRequest(signed, canonicalHeaders: headers, payloadHash: payloadHash)
        let stringToSign = try stringToSign(canonicalRequest: canonical, date: date)
        let signature = try sign(stringToSign, credentials: credentials, stamp: stamp)

        if let token, options.omitSessionTokenFromSignature { signed.query.append(token) }
        signed.query.append(QueryItem(name: "X-Amz-Signature", value: signature))
        return SigningTrace(
            request: signed, canonicalRequest: canonical, stringToSign: stringToSign, signature: signature)
    }

    /// Rejects credentials that cannot produce a meaningful signature.
    private static func validate(_ credentials: SigningCredentials) throws(SigningError) {
        if credentials.accessKeyID.isEmpty { throw SigningError.incompleteCredentials(missing: "access key ID") }
        if credentials.secretAccessKey.isEmpty {
            throw SigningError.incompleteCredentials(missing: "secret access key")
        }
    }
}
