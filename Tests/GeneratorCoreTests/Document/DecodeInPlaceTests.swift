import Testing

@testable import GeneratorCore

/// Lookups that read a mapping's pairs in place (without copying them out) give what reading copies gave.
@Suite struct DecodeInPlaceTests {
    @Test func extensionsAreTheXKeys() throws {
        let context = DecodingContext(file: "a.yaml", diagnostics: DiagnosticCollector())
        let node = try parse("{x-one: 1, y: 2, x-two: [a], [x-k]: 3, X-upper: 4, x-: 5}")
        let reader = try #require(MappingReader(node, at: JSONPointer(), context: context, what: "a thing"))
        let extensions = reader.extensions
        #expect(extensions.keys.sorted() == ["x-", "x-one", "x-two"])
        #expect(extensions["x-one"]?.scalar?.value == .integer(1))
        #expect(extensions["x-two"]?.items?.map { $0.scalar?.text } == ["a"])
        // The same node found by the subscript, which reads in place too.
        #expect(node["x-two"]?.mark == SourceMark(line: 1, column: 25))
        #expect(node["X-upper"]?.scalar?.value == .integer(4))
    }

    @Test func unknownAndCollectionKeys() throws {
        let diagnostics = DiagnosticCollector()
        let context = DecodingContext(file: "a.yaml", diagnostics: diagnostics)
        let node = try parse("{[a]: 1, name: n, x-y: 2, nmae: 3}")
        let reader = try #require(MappingReader(node, at: JSONPointer(["p"]), context: context, what: "a thing"))
        reader.warnAboutUnknownKeys(["name"], vocabulary: "a Thing field")
        #expect(
            diagnostics.sorted.map(\.description) == [
                "a.yaml:1:2: warning: a sequence key is not allowed here; it is ignored",
                "a.yaml:1:27: warning: 'nmae' is not a Thing field (did you mean 'name'?); it is ignored",
            ])
    }

    @Test func patternsWithABacktickAreQuoted() throws {
        #expect(SchemaDecoder.constraints(in: try parse("{pattern: 'a`b'}")) == ["matches 'a`b'"])
        #expect(SchemaDecoder.constraints(in: try parse("{format: 'x`'}")) == ["format 'x`'"])
        #expect(SchemaDecoder.constraints(in: try parse("{format: 'é-code'}")) == ["format `é-code`"])
    }
}
