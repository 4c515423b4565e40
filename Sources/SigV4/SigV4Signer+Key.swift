import Crypto

extension SigV4Signer {
    /// Computes the hex signature of `stringToSign` with the day's signing key ("Create a signed
    /// AWS API request", step 5: calculate the signature).
    /// - Throws: ``SigningError/crypto(_:)`` when HMAC fails.
    func sign(_ stringToSign: String, credentials: SigningCredentials, stamp: SigningDate) throws(SigningError)
        -> String
    {
        let scope = SigningKeyCache.Scope(
            accessKeyID: credentials.accessKeyID, day: stamp.day, region: region, service: service)
        let key = try keyCache.key(for: scope, secret: credentials.secretAccessKey) { () throws(SigningError) in
            try deriveSigningKey(secret: credentials.secretAccessKey, day: stamp.day)
        }
        return Hex.encode(try Self.hmac(Array(stringToSign.utf8), key: key))
    }

    /// Derives the signing key by chaining HMACs over the day, region, service and
    /// `aws4_request` ("Create a signed AWS API request", step 4: derive a signing key).
    /// - Throws: ``SigningError/crypto(_:)`` when HMAC fails.
    func deriveSigningKey(secret: String, day: String) throws(SigningError) -> [UInt8] {
        var key = Array("AWS4\(secret)".utf8)
        for part in [day, region, service, "aws4_request"] {
            key = try Self.hmac(Array(part.utf8), key: key)
        }
        return key
    }

    /// HMAC-SHA256 with libcrypto failures wrapped as signing errors.
    private static func hmac(_ message: [UInt8], key: [UInt8]) throws(SigningError) -> [UInt8] {
        do {
            return try HMACSHA256.authenticate(message, key: key)
        } catch {
            throw SigningError.crypto(error)
        }
    }
}
