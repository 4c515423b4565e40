import Testing

@Test func placeholderServicesTests() { #expect(Bool(true)) }
