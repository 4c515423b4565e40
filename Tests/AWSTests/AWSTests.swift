import Testing

@Test func placeholderAWSTests() { #expect(Bool(true)) }
