import Testing

@testable import Shell

/// Secrets are masked before a command is recorded or echoed.
@Suite struct CommandScrubberTests {
    /// AWS's documented example secret access key (IAM User Guide), not a real secret.
    static let exampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    @Test func secretShapedWordsAreMasked() {
        let line = "account add x --access-key-id AKIAIOSFODNN7EXAMPLE \(Self.exampleSecret)"
        #expect(
            CommandScrubber.scrub(line, knownSecrets: [])
                == "account add x --access-key-id AKIAIOSFODNN7EXAMPLE <redacted>")
    }

    @Test func secretShapedValuesInsideQuotesAndAfterEqualsAreMasked() {
        #expect(
            CommandScrubber.scrub("set s \"\(Self.exampleSecret)\" --k='\(Self.exampleSecret)'", knownSecrets: [])
                == "set s \"<redacted>\" --k='<redacted>'")
        #expect(CommandScrubber.scrub("x --secret=\(Self.exampleSecret)", knownSecrets: []) == "x --secret=<redacted>")
    }

    @Test func knownSecretsAreMaskedWherever() {
        #expect(
            CommandScrubber.scrub("echo prefix-hunter2hunter2-suffix", knownSecrets: ["hunter2hunter2"])
                == "echo prefix-<redacted>-suffix")
    }

    @Test func veryShortKnownSecretsAreLeftAlone() {
        // Masking a 3-letter value would mangle ordinary words.
        #expect(CommandScrubber.scrub("echo abc", knownSecrets: ["abc"]) == "echo abc")
    }

    @Test func ordinaryWordsOfFortyCharactersAreKept() {
        let bucket = "prisma-saas-s3-123456789012-logs-archive"
        let lower = String(repeating: "a1", count: 20)
        #expect(bucket.count == 40)
        #expect(CommandScrubber.scrub("bucket create \(bucket)", knownSecrets: []) == "bucket create \(bucket)")
        #expect(CommandScrubber.scrub("echo \(lower)", knownSecrets: []) == "echo \(lower)")
    }

    /// ASCII text is scanned as bytes, other text as Characters: both split words at the same
    /// whitespace, quotes and `=`.
    @Test func asciiAndUnicodeTextSplitWordsAlike() {
        let secret = Self.exampleSecret
        #expect(
            CommandScrubber.scrub("a\t\(secret)\nb\u{0B}\(secret)\r\n", knownSecrets: [])
                == "a\t<redacted>\nb\u{0B}<redacted>\r\n")
        #expect(
            CommandScrubber.scrub("café \(secret)\u{00A0}x\u{2003}\(secret)", knownSecrets: [])
                == "café <redacted>\u{00A0}x\u{2003}<redacted>")
        #expect(CommandScrubber.scrub("é" + secret, knownSecrets: []) == "é" + secret)
    }

    @Test func shapeRule() {
        #expect(CommandScrubber.looksLikeSecretKey(Self.exampleSecret))
        #expect(!CommandScrubber.looksLikeSecretKey(String(Self.exampleSecret.dropLast())))
        #expect(!CommandScrubber.looksLikeSecretKey(Self.exampleSecret.replacingOccurrences(of: "7", with: "x")))
    }
}
