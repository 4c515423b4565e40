import AWS
import FuzzSupport

/// The redactor's promise, checked on random text: a registered secret never survives redaction.
enum SecretRedaction {
    /// A made-up secret in the shape of an AWS secret access key (no `<` or `>`, which the mask holds).
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    /// Redacts `text` with the secret planted in it, and checks the secret's bytes are gone.
    static func check(_ text: String) {
        let redactor = Redactor(secrets: [secret])
        let planted = text + secret + text
        let redacted = redactor.redact(planted)
        require(!contains(redacted, secret), "the secret survived redaction of \(planted.debugDescription)")
        _ = redactor.redact(text)
    }

    /// Byte-wise containment: what a reader of the output would see, whatever the Unicode grouping.
    private static func contains(_ text: String, _ needle: String) -> Bool {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        guard haystack.count >= pattern.count else { return false }
        return (0...(haystack.count - pattern.count)).contains { start in
            haystack[start..<(start + pattern.count)].elementsEqual(pattern)
        }
    }
}
