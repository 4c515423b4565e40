import Testing

@Test func placeholderCrossAccountTests() { #expect(Bool(true)) }
