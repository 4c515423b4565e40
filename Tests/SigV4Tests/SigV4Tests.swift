import Testing

@Test func placeholderSigV4Tests() { #expect(Bool(true)) }
