extension SigV4Signer {
    /// What the signer does with the request body when computing the payload hash.
    public enum Payload: Sendable, Equatable {
        /// Hash the body bytes with SHA-256 (an empty body hashes to `e3b0c442...b855`).
        case signed
        /// Use the literal `UNSIGNED-PAYLOAD`, as S3 allows and S3 presigned URLs require.
        case unsigned
    }

    /// The service-specific choices SigV4 leaves open.
    public struct Options: Sendable, Equatable {
        /// Percent-encode the path a second time, as every service but S3 expects: the signed
        /// path is the encoding of the already-encoded wire path.
        public var doubleEncodePath: Bool
        /// Remove `.` and `..` segments and repeated slashes before signing; S3 object keys may
        /// contain them, so S3 signs the path as given.
        public var normalizePath: Bool
        /// How the payload hash of header-signed requests is computed.
        public var payload: Payload
        /// How the payload hash of presigned URLs is computed.
        public var presignedPayload: Payload
        /// Send the payload hash as `x-amz-content-sha256` and sign it, as S3 requires.
        public var sendContentSHA256Header: Bool
        /// Send `X-Amz-Security-Token` without signing it, for services that add the token after
        /// signing; AWS's `post-sts-header-after` vector exercises it.
        public var omitSessionTokenFromSignature: Bool

        /// Creates options; the defaults are those of ``standard``.
        public init(
            doubleEncodePath: Bool = true, normalizePath: Bool = true, payload: Payload = .signed,
            presignedPayload: Payload = .signed, sendContentSHA256Header: Bool = false,
            omitSessionTokenFromSignature: Bool = false
        ) {
            self.doubleEncodePath = doubleEncodePath
            self.normalizePath = normalizePath
            self.payload = payload
            self.presignedPayload = presignedPayload
            self.sendContentSHA256Header = sendContentSHA256Header
            self.omitSessionTokenFromSignature = omitSessionTokenFromSignature
        }

        /// The rules of every AWS service except S3 (IAM, STS, CloudTrail, ...).
        public static let standard = Options()

        /// S3's rules: the path is encoded once and not normalised, the body hash is sent in
        /// `x-amz-content-sha256`, and presigned URLs carry `UNSIGNED-PAYLOAD`.
        public static let s3 = Options(
            doubleEncodePath: false, normalizePath: false, payload: .signed, presignedPayload: .unsigned,
            sendContentSHA256Header: true)
    }
}
