import Testing

@testable import GeneratorCore

/// The `Source:` line of a doc comment keeps the pointer in one code span whatever its text.
@Suite struct SwiftTextSourceTests {
    @Test func backquotesBecomeApostrophesAndOtherTextStays() {
        #expect(SwiftText.sourceText("#/components/schemas/Pet") == "#/components/schemas/Pet")
        #expect(SwiftText.sourceText("#/paths/~1pets~1{id}/get") == "#/paths/~1pets~1{id}/get")
        #expect(SwiftText.sourceText("#/components/schemas/a`b`") == "#/components/schemas/a'b'")
        #expect(SwiftText.sourceText("#/components/schemas/Café`") == "#/components/schemas/Café'")
        #expect(SwiftText.sourceText("#/components/schemas/Café") == "#/components/schemas/Café")
        #expect(
            SwiftText.docLines(summary: "Hi.", description: nil, source: "#/a`b")
                == ["/// Hi.", "///", "/// Source: `#/a'b`"])
    }
}
