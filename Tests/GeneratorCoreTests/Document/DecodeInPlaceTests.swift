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

    @Test func patternsWithABacktickAreQuoted() throws {
        #expect(SchemaDecoder.constraints(in: try parse("{pattern: 'a`b'}")) == ["matches 'a`b'"])
        #expect(SchemaDecoder.constraints(in: try parse("{format: 'x`'}")) == ["format 'x`'"])
        #expect(SchemaDecoder.constraints(in: try parse("{format: 'é-code'}")) == ["format `é-code`"])
    }
}
