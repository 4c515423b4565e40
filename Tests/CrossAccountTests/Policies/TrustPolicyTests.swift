import CrossAccount
import Testing

@Suite struct TrustPolicyTests {
    @Test func trustPolicyNamesThePrimaryRoot() throws {
        let document = TrustPolicy.document(primaryAccount: try PolicyFixtures.account(PolicyFixtures.primary))
        let expected = try PolicyFixtures.document(
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}]}
            """)
        #expect(document.compactText == expected.compactText)
        #expect(document.trustAdmits(account: try PolicyFixtures.account(PolicyFixtures.primary)))
        #expect(!document.trustAdmits(account: try PolicyFixtures.account("444455556666")))
    }

    @Test(arguments: [
        #"{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}}"#,
        #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::999999999999:root","111122223333"]},"Action":["sts:AssumeRole"]}]}"#,
        #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws-cn:iam::111122223333:root"},"Action":"sts:*"}]}"#,
        #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"*","Condition":{"Bool":{"x":"y"}}}]}"#,
    ])
    func admitsTheAccountInEveryStoredForm(text: String) throws {
        let document = try PolicyFixtures.document(text)
        #expect(document.trustAdmits(account: try PolicyFixtures.account(PolicyFixtures.primary)))
    }

    @Test(arguments: [
        #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"sts:AssumeRole"}]}"#,
        #"{"Statement":[{"Effect":"Allow","Principal":{"Service":"111122223333"},"Action":"sts:AssumeRole"}]}"#,
        #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:TagSession"}]}"#,
        #"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}"#,
        #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"},{"Effect":"Deny","Principal":{"AWS":"111122223333"},"Action":"sts:*"}]}"#,
        #"{"Statement":[]}"#,
    ])
    func doesNotAdmitWithoutExplicitAllow(text: String) throws {
        let document = try PolicyFixtures.document(text)
        #expect(!document.trustAdmits(account: try PolicyFixtures.account(PolicyFixtures.primary)))
    }
}
