import CrossAccount
import Testing

/// Tables from the IAM API reference (CreateUser, CreateRole, CreatePolicy), the S3 User Guide
/// ("General purpose bucket naming rules") and the CloudTrail API reference (CreateTrail).
@Suite struct NameRulesTests {
    static let sixtyFour = String(repeating: "a", count: 64)

    @Test(arguments: ["prisma-saas-s3-user", "a", "A_b+c=d,e.f@g-h", sixtyFour])
    func validIAMNames(name: String) throws {
        #expect(try IAMName.user(name) == name)
        #expect(try IAMName.role(name) == name)
        #expect(try IAMName.policy(name) == name)
    }

    @Test func iamLengthLimitsDifferForPolicies() throws {
        let long = sixtyFourPlusOne()
        #expect(throws: IdentifierError.badLength(.roleName, value: long, length: 65, allowed: 1...64)) {
            try IAMName.role(long)
        }
        #expect(try IAMName.policy(long) == long)
        let tooLong = String(repeating: "p", count: 129)
        #expect(throws: IdentifierError.badLength(.policyName, value: tooLong, length: 129, allowed: 1...128)) {
            try IAMName.policy(tooLong)
        }
        #expect(throws: IdentifierError.badLength(.userName, value: "", length: 0, allowed: 1...64)) {
            try IAMName.user("")
        }
    }

    @Test(arguments: [("a/b", "/", 2), ("é", "é", 1), ("ok*", "*", 3)])
    func iamNamesRejectCharacters(name: String, character: Character, position: Int) {
        #expect(
            throws: IdentifierError.invalidCharacter(
                .userName, value: name, character: character, position: position,
                allowed: "ASCII letters, digits and _ + = , . @ -")
        ) {
            try IAMName.user(name)
        }
    }

    @Test(arguments: ["prisma-saas-s3-111122223333", "abc", "a.b-c", "1bucket9", String(repeating: "b", count: 63)])
    func validBucketNames(name: String) throws {
        #expect(try BucketName(name).value == name)
    }

    @Test(arguments: [
        ("ab", "has 2 characters; it must have 3 to 63"),
        (String(repeating: "b", count: 64), "has 64 characters; it must have 3 to 63"),
        ("My-bucket", "has 'M' at position 1; only lowercase letters, digits, '.' and '-' are allowed"),
        ("my_bucket", "has '_' at position 3; only lowercase letters, digits, '.' and '-' are allowed"),
        ("-bucket", "must begin with a lowercase letter or a digit"),
        ("bucket.", "must end with a lowercase letter or a digit"),
        ("my..bucket", "must not contain two adjacent periods (at position 3)"),
        ("192.168.5.4", "must not be formatted as an IP address"),
        ("xn--bucket", "must not start with the reserved prefix \"xn--\""),
        ("sthree-bucket", "must not start with the reserved prefix \"sthree-\""),
        ("bucket-s3alias", "must not end with the reserved suffix \"-s3alias\""),
        ("bucket--ol-s3", "must not end with the reserved suffix \"--ol-s3\""),
    ])
    func bucketNameRejections(name: String, rule: String) {
        #expect {
            try BucketName(name)
        } throws: { error in
            (error as? IdentifierError)?.description == "S3 bucket name \"\(name)\" \(rule)"
        }
    }

    @Test func almostAnIPAddressIsAValidBucket() throws {
        #expect(try BucketName("192.168.5.256").value == "192.168.5.256")
        #expect(try BucketName("10.0.0.1a").value == "10.0.0.1a")
    }

    @Test(arguments: ["prisma-saas-s3-primary-trail", "My_Trail.v2", "abc", String(repeating: "t", count: 128)])
    func validTrailNames(name: String) throws {
        #expect(try TrailName(name).value == name)
    }

    @Test(arguments: [
        ("ab", "has 2 characters; it must have 3 to 128"),
        ("my trail", "has U+20 (a space) at position 3; only ASCII letters, digits, '.', '_' and '-' are allowed"),
        ("_trail", "must start with a letter or a digit"),
        ("trail-", "must end with a letter or a digit"),
        ("my-_namespace", "must not have \"-_\" at position 3: '.', '_' and '-' may not be adjacent"),
        ("my--namespace", "must not have \"--\" at position 3: '.', '_' and '-' may not be adjacent"),
        ("10.0.0.1", "must not be formatted as an IP address"),
    ])
    func trailNameRejections(name: String, rule: String) {
        #expect {
            try TrailName(name)
        } throws: { error in
            (error as? IdentifierError)?.description == "CloudTrail trail name \"\(name)\" \(rule)"
        }
    }

    private func sixtyFourPlusOne() -> String {
        Self.sixtyFour + "a"
    }
}
