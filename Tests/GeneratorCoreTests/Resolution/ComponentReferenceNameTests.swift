import Testing

@testable import GeneratorCore

/// The name a reference gives a component: read straight from a plain `#/components/<kind>/<name>`, and through
/// `JSONPointer(fragment:)` for anything else, with the same result either way.
@Suite struct ComponentReferenceNameTests {
    /// (reference, kind, the plain reading, the name)
    static let cases: [(String, ComponentIndex.Kind, String?, String?)] = [
        // plain: read without a pointer
        ("#/components/schemas/Pet", .schemas, "Pet", "Pet"),
        ("#/components/schemas/Größe", .schemas, "Größe", "Größe"),
        ("#/components/schemas/", .schemas, "", ""),
        ("#/components/parameters/Limit", .parameters, "Limit", "Limit"),
        ("#/components/securitySchemes/api_key", .securitySchemes, "api_key", "api_key"),
        // escapes: through the pointer
        ("#/components/schemas/a~1b", .schemas, nil, "a/b"),
        ("#/components/schemas/a~0b", .schemas, nil, "a~b"),
        ("#/components/schemas/Caf%C3%A9", .schemas, nil, "Café"),
        // a combining mark after the last slash joins it into one character, so the pointer has two tokens
        ("#/components/schemas/\u{301}X", .schemas, nil, nil),
        // not a component of the kind
        ("#/components/schemas/Pet/properties/id", .schemas, nil, nil),
        ("#/components/parameters/Limit", .schemas, nil, nil),
        ("#/components/schemas/Pet", .responses, nil, nil),
        ("other.yaml#/components/schemas/Pet", .schemas, nil, nil),
        ("#/definitions/Pet", .schemas, nil, nil),
    ]

    @Test(arguments: cases) func name(ref: String, kind: ComponentIndex.Kind, plain: String?, name: String?) {
        #expect(ComponentIndex.plainComponentName(of: ref, kind: kind) == plain)
        #expect(ComponentIndex.componentName(of: ref, kind: kind) == name)
        #expect(JSONPointer(fragment: ref).flatMap { ComponentIndex.componentName(at: $0, kind: kind) } == name)
    }
}
