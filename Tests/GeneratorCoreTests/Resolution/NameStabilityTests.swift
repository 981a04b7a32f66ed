import Foundation
import Testing

@testable import GeneratorCore

/// Names never depend on the order of components or operations in the document: the same document with its
/// parts in another order generates the same files, byte for byte.
@Suite struct NameStabilityTests {
    static let header = "openapi: 3.0.3\ninfo: {title: Shop, version: '1'}\n"

    /// Paths and schemas that collide once named: `listPets` / `list_pets`, `FooBar` / `foo_bar`, and an inline
    /// `owner` object that `Derived` reaches through `allOf` before or after `Base` declares it.
    static let paths = [
        """
          /pets:
            get:
              operationId: list_pets
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Derived'}}}}}
        """,
        """
          /animals:
            get:
              operationId: listPets
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/foo_bar'}}}}}
        """,
        """
          /stores:
            post:
              requestBody:
                content: {application/json: {schema: {type: object, properties: {kind: {type: string, enum: [a, b]}}}}}
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/FooBar'}}}}}
        """,
    ]
    static let schemas = [
        """
            Derived:
              allOf:
                - $ref: '#/components/schemas/Base'
                - {type: object, properties: {extra: {type: string}}}
        """,
        """
            Base:
              type: object
              properties:
                owner: {type: object, properties: {name: {type: string}}}
        """,
        """
            foo_bar: {type: object, properties: {a: {type: string}}}
        """,
        """
            FooBar: {type: object, properties: {b: {type: string}}}
        """,
    ]

    func document(paths: [String], schemas: [String]) -> String {
        Self.header + "paths:\n" + paths.joined(separator: "\n") + "\ncomponents:\n  schemas:\n"
            + schemas.joined(separator: "\n") + "\n"
    }

    @Test func reorderingComponentsAndPathsChangesNoFile() async throws {
        let forward = try #require(await render(document: document(paths: Self.paths, schemas: Self.schemas)).files)
        let reversed = try #require(
            await render(document: document(paths: Self.paths.reversed(), schemas: Self.schemas.reversed())).files)
        let rotated = try #require(
            await render(
                document: document(
                    paths: Array(Self.paths[1...] + Self.paths[..<1]),
                    schemas: Array(Self.schemas[2...] + Self.schemas[..<2]))
            ).files)
        #expect(forward.keys.sorted() == reversed.keys.sorted())
        #expect(forward.keys.sorted() == rotated.keys.sorted())
        for (name, text) in forward {
            #expect(reversed[name] == text, "\(name) differs when the document is reversed")
            #expect(rotated[name] == text, "\(name) differs when the document is rotated")
        }
    }

    @Test func theNameAlreadySpelledAsSwiftKeepsIt() async throws {
        for schemas in [Self.schemas, Self.schemas.reversed()] {
            let (module, _) = try resolve(document(paths: Self.paths, schemas: schemas))
            // `FooBar` is already a Swift type name; `foo_bar` becomes `FooBar` too and takes the suffix.
            guard case .structure(let fooBar)? = module.type("FooBar"),
                case .structure(let fooBar2)? = module.type("FooBar2")
            else {
                Issue.record("expected FooBar and FooBar2: \(module.types.map(\.name))")
                return
            }
            #expect(fooBar.properties.map(\.jsonName) == ["b"])
            #expect(fooBar2.properties.map(\.jsonName) == ["a"])
            // `listPets` is already a Swift name; `list_pets` becomes `listPets` too and takes the suffix.
            let names = Dictionary(uniqueKeysWithValues: module.operations.map { ($0.path, $0.functionName) })
            #expect(names["/animals"] == "listPets")
            #expect(names["/pets"] == "listPets2")
            // The inline `owner` object is named after `Base`, where it is defined.
            #expect(module.type("BaseOwner") != nil)
            #expect(module.type("DerivedOwner") == nil)
        }
    }
}
