import Testing

@testable import GeneratorCore

/// The decoder's shortcuts: a schema without validation keywords has no constraints (one look at its keys), one
/// with them has them in words; a mapping's field is found by its key's text; unknown keys are reported from a
/// literal list of known ones.
@Suite struct DecodeShortcutsTests {
    @Test func constraintsInWords() throws {
        // No keyword: nothing to say (the shortcut).
        #expect(SchemaDecoder.constraints(in: try parse("type: string\ndescription: a name\nx-min: 1\n")) == [])
        // A format that chooses the Swift type says nothing either; one that does not is said.
        #expect(SchemaDecoder.constraints(in: try parse("type: string\nformat: date-time\n")) == [])
        #expect(SchemaDecoder.constraints(in: try parse("type: string\nformat: email\n")) == ["format `email`"])
        #expect(
            SchemaDecoder.constraints(
                in: try parse(
                    """
                    type: integer
                    minimum: 0
                    exclusiveMinimum: true
                    maximum: 10
                    multipleOf: 2
                    """)) == ["greater than 0", "at most 10", "a multiple of 2"])
        #expect(
            SchemaDecoder.constraints(in: try parse("minLength: 1\nmaxLength: 64\npattern: '^[a-z]+$'\n")) == [
                "at least 1 character", "at most 64 characters", "matches `^[a-z]+$`",
            ])
        #expect(
            SchemaDecoder.constraints(in: try parse("minItems: 2\nuniqueItems: true\n")) == [
                "at least 2 items", "items are unique",
            ])
        // Not a mapping: no keys, no constraints.
        #expect(SchemaDecoder.constraints(in: try parse("[minimum, 1]")) == [])
    }

    @Test func fieldsByKeyText() throws {
        let node = try parse("a: 1\n'b': two\n[c]: 3\n? {d: 4}\n: 5\nnull: six\n")
        #expect(node["a"]?.scalar?.value == .integer(1))
        #expect(node["b"]?.scalar?.text == "two")
        // Collection keys are never found by text; a `null` key is found by its text.
        #expect(node["[c]"] == nil)
        #expect(node["c"] == nil)
        #expect(node["null"]?.scalar?.text == "six")
        #expect(node["z"] == nil)
        // Not a mapping.
        #expect(try parse("[a, b]")["a"] == nil)
    }

    @Test func unknownKeysFromALiteralList() throws {
        let diagnostics = DiagnosticCollector()
        let context = DecodingContext(file: "a.yaml", diagnostics: diagnostics)
        let node = try parse("name: n\nnmae: m\nx-extra: 1\nunrelated: 2\n")
        let reader = try #require(MappingReader(node, at: JSONPointer(["p"]), context: context, what: "a thing"))
        reader.warnAboutUnknownKeys(["name", "in"], vocabulary: "a Thing field")
        #expect(
            diagnostics.sorted.map(\.description) == [
                "a.yaml:2:1: warning: 'nmae' is not a Thing field (did you mean 'name'?); it is ignored",
                "a.yaml:4:1: warning: 'unrelated' is not a Thing field; it is ignored",
            ])
    }
}
