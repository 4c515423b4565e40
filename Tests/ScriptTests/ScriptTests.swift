import Testing

@Test func placeholderScriptTests() { #expect(Bool(true)) }
