import Testing

@testable import GeneratorCore

/// `LargeValues`: a struct property or a union whose type holds more than 16 stored values (counted through
/// nested structs and unions) is boxed, so that copying a value stays cheap for the compiler.
@Suite struct LargeValuesTests {
    /// An object schema of `count` string properties `p1`…`p<count>`, forbidding undeclared ones.
    static func strings(_ count: Int) -> String {
        let properties = (1...count).map { "p\($0): {type: string}" }.joined(separator: ", ")
        return "{type: object, additionalProperties: false, properties: {\(properties)}}"
    }

    static let document =
        ModuleResolverTests.header + """
            paths: {}
            components:
              schemas:
                Small: \(strings(3))
                Sixteen: \(strings(16))
                Wide: \(strings(17))
                Kept: {type: object, properties: {p1: {type: string}}}
                Mid:
                  type: object
                  additionalProperties: false
                  properties: {a: {$ref: '#/components/schemas/Small'}, b: {$ref: '#/components/schemas/Small'},
                    c: {$ref: '#/components/schemas/Small'}, d: {$ref: '#/components/schemas/Small'},
                    e: {$ref: '#/components/schemas/Small'}, f: {$ref: '#/components/schemas/Small'}}
                Holder:
                  type: object
                  additionalProperties: false
                  properties:
                    small: {$ref: '#/components/schemas/Small'}
                    sixteen: {$ref: '#/components/schemas/Sixteen'}
                    wide: {$ref: '#/components/schemas/Wide'}
                    nullableWide: {anyOf: [{$ref: '#/components/schemas/Wide'}, {type: 'null'}]}
                    mid: {$ref: '#/components/schemas/Mid'}
                    wides: {type: array, items: {$ref: '#/components/schemas/Wide'}}
                    smallOrText: {$ref: '#/components/schemas/SmallOrText'}
                    wideOrText: {$ref: '#/components/schemas/WideOrText'}
                    kept: {$ref: '#/components/schemas/Kept'}
                SmallOrText: {oneOf: [{type: string}, {$ref: '#/components/schemas/Small'}]}
                WideOrText: {anyOf: [{type: string}, {$ref: '#/components/schemas/Wide'}]}
                Outer:
                  type: object
                  additionalProperties: false
                  properties: {holder: {$ref: '#/components/schemas/Holder'}}
            """

    static func structure(_ module: IR.Module, _ name: String) -> IR.Structure? {
        guard case .structure(let structure)? = module.type(name) else { return nil }
        return structure
    }

    static func union(_ module: IR.Module, _ name: String) -> IR.Union? {
        guard case .union(let union)? = module.type(name) else { return nil }
        return union
    }

    @Test func propertiesOfMoreThanSixteenValuesAreBoxed() throws {
        let (module, _) = try resolve(Self.document)
        let holder = try #require(Self.structure(module, "Holder"))
        let boxed = Dictionary(uniqueKeysWithValues: holder.properties.map { ($0.jsonName, $0.isIndirect) })
        // Small: 3 values. Sixteen: 16, the most kept inline. Wide: 17. Mid: six Smalls, 18 values, though each
        // of its own properties holds 3. An array is one value (its buffer), whatever its elements. A union
        // holds its members' values: SmallOrText 1 + 3, WideOrText 1 + 17 (so it is itself boxed, and then one
        // value). Kept: 1 property and its undeclared properties, 2.
        #expect(
            boxed == [
                "small": false, "sixteen": false, "wide": true, "nullableWide": true, "mid": true, "wides": false,
                "smallOrText": false, "wideOrText": false, "kept": false,
            ])
        let mid = try #require(Self.structure(module, "Mid"))
        #expect(mid.properties.map(\.isIndirect) == [false, false, false, false, false, false])
        // Holder now holds 3 + 16 + 1 + 1 + 1 + 1 + 4 + 1 + 2 = 30 values: Outer boxes it.
        let outer = try #require(Self.structure(module, "Outer"))
        #expect(outer.properties.map(\.isIndirect) == [true])
    }

    @Test func unionsOfMoreThanSixteenValuesNeedIndirection() throws {
        let (module, _) = try resolve(Self.document)
        #expect(try #require(Self.union(module, "SmallOrText")).isIndirect == false)
        let wideOrText = try #require(Self.union(module, "WideOrText"))
        #expect(wideOrText.isIndirect == true)
        // Its members still cannot fit the same value (a string, an object): an enum, not a struct of both.
        #expect(wideOrText.keepsEveryMember == false)
    }
}
