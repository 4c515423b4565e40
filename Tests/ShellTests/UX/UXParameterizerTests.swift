import Testing

@testable import Shell

/// `history --save --parameterize`: account ids and bucket names lifted into `set` variables.
@Suite struct UXParameterizerTests {
    @Test func idsAndBucketsBecomeVariablesAtTheTop() {
        let texts = [
            "account add primary --profile admin",
            "role assume arn:aws:iam::111111111111:role/Admin --as sec1",
            "bucket create logs-123456789012 --cloudtrail",
            "bucket allow-prefix logs-123456789012 111111111111 222222222222",
        ]
        let lifted = ScriptParameterizer(aliases: ["primary": "123456789012", "sec1": "111111111111"])
            .parameterize(texts, buckets: ["logs-123456789012", "unused-bucket"])
        #expect(
            lifted.sets == [
                "set primary-id 123456789012", "set sec1-id 111111111111", "set account-1 222222222222",
                "set bucket \"logs-${primary-id}\"",
            ])
        #expect(
            lifted.texts == [
                "account add primary --profile admin",
                "role assume arn:aws:iam::${sec1-id}:role/Admin --as sec1",
                "bucket create ${bucket} --cloudtrail",
                "bucket allow-prefix ${bucket} ${sec1-id} ${account-1}",
            ])
    }

    @Test func namesTheSessionAlreadySetAreNotReused() {
        let lifted = ScriptParameterizer(aliases: [:]).parameterize(
            ["set bucket other", "bucket create b1", "bucket create b2"], buckets: ["b1", "b2"])
        #expect(lifted.sets == ["set bucket-1 b1", "set bucket-2 b2"])
        #expect(lifted.texts == ["set bucket other", "bucket create ${bucket-1}", "bucket create ${bucket-2}"])
    }

    @Test func onlyWholeTwelveDigitRunsAreAccountIDs() {
        #expect(ScriptParameterizer.accountIDs("a 1234567890123 b 123456789012:c 12345") == ["123456789012"])
    }
}
