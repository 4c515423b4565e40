import Foundation
import SigV4

/// Shared inputs for the unit tests; the key pair is AWS's documented example pair.
enum Fixtures {
    static let credentials = SigningCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let temporaryCredentials = SigningCredentials(
        accessKeyID: "ASIAEXAMPLE", secretAccessKey: "temporary-secret-EXAMPLE", sessionToken: "session+token/EXAMPLE=="
    )
    /// 2013-05-24T00:00:00Z, the date of AWS's S3 signing examples.
    static let s3ExampleDate = Date(timeIntervalSince1970: 1_369_353_600)
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
}

extension SignableRequest {
    /// The value of the only header named `name`, or nil when absent or repeated.
    func header(_ name: String) -> String? {
        let values = headerValues(name)
        return values.count == 1 ? values[0] : nil
    }

    /// The `SignedHeaders=` list of the Authorization header.
    var signedHeaderList: [String] {
        let parts = (header("Authorization") ?? "").components(separatedBy: ", ")
        let list = parts.first { $0.hasPrefix("SignedHeaders=") }?.dropFirst("SignedHeaders=".count) ?? ""
        return list.split(separator: ";").map(String.init)
    }
}
