import SigV4
import Testing

/// URI encoding and canonical query rules of "Create a signed AWS API request", step 1.
@Suite struct EncodingTests {
    @Test func queryEncodesReservedCharactersInNamesAndValues() {
        let query = SigV4Signer.encodeQuery([
            QueryItem(name: "prefix", value: "logs/2024/a b+c=d&e?f#g%h*'()!"),
            QueryItem(name: "list-type", value: "2"),
        ])
        #expect(query == "list-type=2&prefix=logs%2F2024%2Fa%20b%2Bc%3Dd%26e%3Ff%23g%25h%2A%27%28%29%21")
    }

    @Test func queryKeepsUnreservedCharacters() {
        let unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        #expect(
            SigV4Signer.encodeQuery([QueryItem(name: unreserved, value: unreserved)]) == "\(unreserved)=\(unreserved)")
    }

    @Test func querySortsByEncodedNameThenValue() {
        let query = SigV4Signer.encodeQuery([
            QueryItem(name: "b", value: "2"), QueryItem(name: "a", value: "z"), QueryItem(name: "a", value: "y"),
            QueryItem(name: "B", value: ""), QueryItem(name: "ሴ", value: "1"),
        ])
        #expect(query == "%E1%88%B4=1&B=&a=y&a=z&b=2")
    }

    @Test func emptyQueryEncodesAsEmptyString() {
        #expect(SigV4Signer.encodeQuery([]).isEmpty)
    }

    @Test func pathEncodingKeepsSlashesAndEncodesEverythingElse() {
        #expect(SigV4Signer.encodePath("/my bucket/key+1/ሴ?x") == "/my%20bucket/key%2B1/%E1%88%B4%3Fx")
        #expect(SigV4Signer.encodePath("") == "/")
    }
}
