import AWS
import Testing

/// Secret fields, secret headers and literal secrets are masked; everything else is kept.
@Suite struct RedactorTests {
    @Test func xmlSecretElementsAreMasked() {
        let xml = """
            <Credentials><AccessKeyId>ASIAX</AccessKeyId><SecretAccessKey>abc/def+ghi</SecretAccessKey>\
            <SessionToken>tok==</SessionToken></Credentials>\
            <AccessKey><SecretAccessKey>second</SecretAccessKey></AccessKey>
            """
        #expect(
            Redactor().redact(xml) == """
                <Credentials><AccessKeyId>ASIAX</AccessKeyId><SecretAccessKey><redacted></SecretAccessKey>\
                <SessionToken><redacted></SessionToken></Credentials>\
                <AccessKey><SecretAccessKey><redacted></SecretAccessKey></AccessKey>
                """)
    }

    /// Found by the XML fuzzer: a combining mark after a secret joins its last character, so a
    /// character-wise search missed the secret (and the closing tag before such a mark).
    @Test func secretsBeforeACombiningMarkAreMasked() {
        let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        let combining = "\u{0362}"
        #expect(Redactor(secrets: [secret]).redact("a\(secret)\(combining)b") == "a<redacted>\(combining)b")
        let xml = "<SecretAccessKey>s3cr3t\(combining)</SecretAccessKey>\(combining)<X>kept</X>"
        #expect(Redactor().redact(xml) == "<SecretAccessKey><redacted></SecretAccessKey>\(combining)<X>kept</X>")
        #expect(Redactor(secrets: ["abcd"]).redact("abcdabcd\u{00E9}abcd") == "<redacted><redacted>\u{00E9}<redacted>")
    }

    @Test func jsonSecretFieldsAreMaskedEvenWithEscapedQuotes() {
        let json = #"{"roleCredentials":{"accessKeyId":"ASIAX","secretAccessKey":"a\"b","sessionToken" : "t"}}"#
        let expected =
            #"{"roleCredentials":{"accessKeyId":"ASIAX","secretAccessKey":"<redacted>","#
            + #""sessionToken" : "<redacted>"}}"#
        #expect(Redactor().redact(json) == expected)
        #expect(Redactor().redact(#"{"SecretAccessKey": "X"}"#) == #"{"SecretAccessKey": "<redacted>"}"#)
    }

    @Test(arguments: ["Authorization", "authorization", "X-Amz-Security-Token", "x-amz-security-token"])
    func secretHeadersAreMasked(name: String) {
        #expect(Redactor().redactHeader(name: name, value: "AWS4-HMAC-SHA256 Signature=abc") == "<redacted>")
    }

    @Test func otherHeadersKeepTheirValuesButNotLiteralSecrets() {
        let redactor = Redactor(secrets: ["SUPERSECRET"])
        #expect(redactor.redactHeader(name: "X-Amz-Date", value: "20261203T191508Z") == "20261203T191508Z")
        #expect(redactor.redactHeader(name: "X-Custom", value: "a SUPERSECRET b") == "a <redacted> b")
    }

    @Test func literalSecretsAreMaskedAnywhereButShortOnesAreIgnored() {
        let redactor = Redactor(secrets: ["wJalrXUtnFEMI/K7MDENG", "abc"])
        #expect(redactor.secrets == ["wJalrXUtnFEMI/K7MDENG"])
        #expect(
            redactor.redact("key=wJalrXUtnFEMI/K7MDENG and again wJalrXUtnFEMI/K7MDENG; abc")
                == "key=<redacted> and again <redacted>; abc")
    }

    @Test func textWithoutSecretsIsUnchanged() {
        let text = "<GetCallerIdentityResult><Arn>arn:aws:iam::1:user/a</Arn></GetCallerIdentityResult> ü"
        #expect(Redactor().redact(text) == text)
    }
}
