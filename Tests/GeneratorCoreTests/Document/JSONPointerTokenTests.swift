import Testing

@testable import GeneratorCore

/// JSON pointer tokens unescape `~1` and `~0` (RFC 6901), and component names escape back.
@Suite struct JSONPointerTokenTests {
    @Test func fragmentsUnescapeTheirTokens() {
        #expect(JSONPointer(fragment: "#/components/schemas/Pet")?.tokens == ["components", "schemas", "Pet"])
        #expect(JSONPointer(fragment: "#/paths/~1pets~1{id}/get")?.tokens == ["paths", "/pets/{id}", "get"])
        #expect(JSONPointer(fragment: "#/a~0b/~01")?.tokens == ["a~b", "~1"])
        #expect(JSONPointer(fragment: "#/a%20b/Café")?.tokens == ["a b", "Café"])
        #expect(JSONPointer(fragment: "#")?.tokens == [])
        #expect(JSONPointer(fragment: "components") == nil)
    }

    @Test func componentNamesEscape() {
        #expect(ReferenceBundler.escape("Pet") == "Pet")
        #expect(ReferenceBundler.escape("a/b~c") == "a~1b~0c")
        #expect(ReferenceBundler.escape("~1") == "~01")
    }
}
