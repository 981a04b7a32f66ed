import Testing

@testable import GeneratorCore

/// Hand-written checks that replaced slower general ones in bundling and decoding give the same answers: a URI
/// scheme at the start of a reference's path (was a regular expression, `^[A-Za-z][A-Za-z0-9+.-]*:`), and the first
/// letter that a schema key must have to be a validation keyword.
@Suite struct BundleAndDecodeShortcutsTests {
    @Test func schemes() {
        for path in [
            "https://example.com/a.yaml", "http:x", "file:a.yaml", "a+b-c.d:rest", "C:\\schemas\\a.yaml", "z:",
        ] {
            #expect(ReferenceBundler.startsWithScheme(path), "\(path)")
        }
        for path in [
            "", "a", "pet.yaml", "./pet.yaml", "../a:b", "1http://x", "+a:", ":a", "a b:", "é:x", "schemas/a:b.yaml",
            "a_b:c",
        ] {
            #expect(!ReferenceBundler.startsWithScheme(path), "\(path)")
        }
    }

    @Test func constraintKeywordsByFirstLetter() throws {
        // Keys that share a first letter with a keyword (`enum`, `properties`, `format`'s `f`…) are not keywords.
        #expect(SchemaDecoder.constraints(in: try parse("{type: string, enum: [a], example: x, properties: {}}")) == [])
        #expect(SchemaDecoder.constraints(in: try parse("{uniqueItems: true}")) == ["items are unique"])
        #expect(SchemaDecoder.constraints(in: try parse("{exclusiveMaximum: 5}")) == ["less than 5"])
        #expect(SchemaDecoder.constraints(in: try parse("{pattern: '^a$'}")) == ["matches `^a$`"])
        #expect(SchemaDecoder.constraints(in: try parse("{format: email}")) == ["format `email`"])
        #expect(SchemaDecoder.constraints(in: try parse("{format: int64}")) == [])
        #expect(
            SchemaDecoder.constraints(in: try parse("{minLength: 1, maxItems: 3, multipleOf: 2}")) == [
                "a multiple of 2", "at least 1 character", "at most 3 items",
            ])
    }
}
