import CrossAccount
import Testing

@Suite struct PolicyDocumentTests {
    @Test func singleObjectStatementReadsAsOne() throws {
        let document = try PolicyFixtures.document(
            #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#)
        #expect(document.statements.count == 1)
        #expect(document.statements.first?.actions == ["s3:GetObject"])
        #expect(document.statements.first?.resources == ["*"])
    }

    @Test func singleObjectStatementKeepsItsShapeWhenEdited() throws {
        var document = try PolicyFixtures.document(#"{"Statement":{"Effect":"Allow","Action":"a","Resource":"r"}}"#)
        var statements = document.statements
        statements[0].resources.append("r2")
        document.statements = statements
        #expect(document.compactText == #"{"Statement":{"Action":"a","Effect":"Allow","Resource":["r","r2"]}}"#)
    }

    @Test func arrayStatementsKeepTheirOrder() throws {
        let document = try PolicyFixtures.document(#"{"Statement":[{"Sid":"B"},{"Sid":"A"},{"Sid":"C"}]}"#)
        #expect(document.statements.map(\.sid) == ["B", "A", "C"])
    }

    @Test func missingStatementReadsAsNone() throws {
        #expect(try PolicyFixtures.document(#"{"Version":"2012-10-17"}"#).statements.isEmpty)
    }

    @Test func topLevelArrayIsNotADocument() {
        #expect(throws: PolicyError.notAPolicyDocument(found: "an array")) {
            try PolicyDocument(parsing: "[]")
        }
    }

    @Test func statementMustBeAnObject() {
        #expect(throws: PolicyError.statementNotAnObject(index: 1, found: "a string")) {
            try PolicyDocument(parsing: #"{"Statement":[{},"oops"]}"#)
        }
        #expect(PolicyError.statementNotAnObject(index: 1, found: "a string").description.contains("statement 2"))
    }

    @Test func principalForms() throws {
        #expect(Principal(json: "*") == .everyone)
        let mixed = try #require(
            Principal(json: ["AWS": ["arn:aws:iam::111122223333:root", "444455556666"], "Service": "x"]))
        #expect(mixed.values(of: "AWS") == ["arn:aws:iam::111122223333:root", "444455556666"])
        #expect(mixed.values(of: "Service") == ["x"])
        #expect(mixed.values(of: "Federated") == [])
        #expect(Principal(json: 3) == nil)
        #expect(Principal.service("cloudtrail.amazonaws.com").json == ["Service": "cloudtrail.amazonaws.com"])
    }

    @Test func actionAndResourceKeepStringForm() throws {
        var statement = PolicyStatement(fields: ["Action": "s3:GetObject", "Resource": ["only"]])
        statement.actions = ["s3:PutObject"]
        statement.resources = ["other"]
        #expect(statement.fields["Action"] == "s3:PutObject")
        #expect(statement.fields["Resource"] == ["other"])
        statement.actions = []
        #expect(statement.fields["Action"] == nil)
    }

    @Test func unknownStatementFieldsSurviveEdits() throws {
        let text = #"{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*","X":{"y":[1]}}]}"#
        var document = try PolicyFixtures.document(text)
        var statements = document.statements
        statements[0].resources = ["a", "b"]
        document.statements = statements
        let expected = #"{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":["a","b"],"X":{"y":[1]}}]}"#
        #expect(document.compactText == expected)
    }

    @Test func iamSizeIgnoresWhitespace() throws {
        let pretty = try PolicyFixtures.document("{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ ]\n}")
        #expect(pretty.iamCharacterCount == #"{"Statement":[],"Version":"2012-10-17"}"#.count)
        #expect(pretty.byteCount == 39)
    }
}
