import Testing

@testable import GeneratorCore

/// `SchemaDecoder.decode(_:at:)` notes which keywords it reads a schema has in its one pass over the keys, and looks
/// only those up: a schema with every read keyword decodes each, one with none decodes to the defaults, and a keyword
/// of the wrong kind is still reported.
@Suite struct SchemaKeywordBitsTests {
    @Test func everyKeywordHasOneTableEntryAndTheReadOnesDistinctBits() {
        #expect(Set(SchemaDecoder.keywordBits.keys) == SchemaDecoder.keywords)
        let bits = SchemaDecoder.keywordBits.values.filter { !$0.isEmpty }
        #expect(bits.count == 22)
        #expect(bits.reduce(0) { $0 | $1.rawValue } == (1 << 22) - 1)
        #expect(SchemaDecoder.keywordBits["example"] == [])
        #expect(SchemaDecoder.keywordBits["readOnly"] == .readOnly)
    }

    @Test func everyReadKeyword() throws {
        let diagnostics = DiagnosticCollector()
        let decoder = SchemaDecoder(context: DecodingContext(file: "a.yaml", diagnostics: diagnostics))
        let node = try parse(
            """
            {type: object, format: f, title: T, description: D, properties: {a: {type: string}}, required: [a],
            items: {type: integer}, enum: [1, 2], const: 3, default: 4, nullable: true, oneOf: [{title: O}],
            anyOf: [{title: A1}, {title: A2}], allOf: [{title: L}], additionalProperties: false,
            discriminator: {propertyName: kind}, deprecated: true, readOnly: true, writeOnly: true,
            contentMediaType: image/png, contentEncoding: base64, example: 5}
            """)
        let schema = decoder.decode(node, at: JSONPointer(["s"]))
        #expect(diagnostics.diagnostics.isEmpty)
        #expect(schema.types == ["object"])
        #expect(schema.format == "f")
        #expect(schema.title == "T")
        #expect(schema.description == "D")
        #expect(schema.properties.map(\.name) == ["a"])
        #expect(schema.properties.first?.schema.pointer == JSONPointer(["s", "properties", "a"]))
        #expect(schema.required == ["a"])
        #expect(schema.items?.types == ["integer"])
        #expect(schema.enumValues?.map { $0.scalar?.text } == ["1", "2"])
        #expect(schema.constValue?.scalar?.value == .integer(3))
        #expect(schema.defaultValue?.scalar?.value == .integer(4))
        #expect(schema.nullable)
        #expect(schema.oneOf.map(\.title) == ["O"])
        #expect(schema.anyOf.map(\.title) == ["A1", "A2"])
        #expect(schema.anyOf.last?.pointer == JSONPointer(["s", "anyOf", "1"]))
        #expect(schema.allOf.map(\.title) == ["L"])
        if case .allowed(false)? = schema.additionalProperties {} else { Issue.record("additionalProperties") }
        #expect(schema.discriminator?.propertyName == "kind")
        #expect(schema.deprecated && schema.readOnly && schema.writeOnly)
        #expect(schema.contentMediaType == "image/png")
        #expect(schema.contentEncoding == "base64")
        #expect(schema.reference == nil)
    }

    @Test func noReadKeywordAndAReference() throws {
        let diagnostics = DiagnosticCollector()
        let decoder = SchemaDecoder(context: DecodingContext(file: "a.yaml", diagnostics: diagnostics))
        let plain = decoder.decode(try parse("{example: 1, maxLength: 3, x-a: 1}"), at: JSONPointer())
        #expect(plain.types.isEmpty && plain.format == nil && plain.title == nil && plain.description == nil)
        #expect(plain.properties.isEmpty && plain.required.isEmpty && plain.items == nil && plain.enumValues == nil)
        #expect(plain.constValue == nil && plain.defaultValue == nil && !plain.nullable && !plain.deprecated)
        #expect(plain.oneOf.isEmpty && plain.anyOf.isEmpty && plain.allOf.isEmpty)
        #expect(plain.additionalProperties == nil && plain.discriminator == nil && plain.reference == nil)
        #expect(plain.constraints == ["at most 3 characters"])
        #expect(plain.extensions.keys.sorted() == ["x-a"])
        let reference = decoder.decode(
            try parse("{$ref: '#/components/schemas/A', description: here}"), at: JSONPointer())
        #expect(reference.reference?.ref == "#/components/schemas/A")
        #expect(reference.reference?.description == "here")
        #expect(diagnostics.diagnostics.isEmpty)
    }

    /// A keyword of the wrong kind is still read, and reported; an unknown key still warned about.
    @Test func wrongKindsAreReported() throws {
        let diagnostics = DiagnosticCollector()
        let decoder = SchemaDecoder(context: DecodingContext(file: "a.yaml", diagnostics: diagnostics))
        _ = decoder.decode(try parse("{readOnly: 5, typo: 1}"), at: JSONPointer(["s"]))
        #expect(
            diagnostics.sorted.map(\.description) == [
                "a.yaml:1:12: error: expected 'readOnly' to be true or false, found an integer",
                "a.yaml:1:15: warning: 'typo' is not a JSON Schema keyword; it is ignored",
            ])
    }
}
