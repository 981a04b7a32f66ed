import Foundation
import Testing

@testable import GeneratorCore

/// Only the structs and enums a union may score conform to `JSONMatchable`: a union's members and the types of
/// their properties, all the way down (arrays, nested unions, typealiases). The others would only cost every build of the
/// module their conformance.
@Suite struct MatchableTypesTests {
    @Test func onlyTheTypesAUnionReachesConformToJSONMatchable() async throws {
        let (rendered, diagnostics) = renderInMemory(
            Array(
                """
                openapi: 3.0.3
                info: {title: Matchable, version: "1"}
                paths: {}
                components:
                  schemas:
                    Pet:
                      oneOf:
                        - $ref: '#/components/schemas/Cat'
                        - $ref: '#/components/schemas/Dog'
                    Cat:
                      type: object
                      properties:
                        toy: {$ref: '#/components/schemas/Toy'}
                        mood:
                          oneOf:
                            - $ref: '#/components/schemas/Calm'
                            - {type: string}
                    Dog:
                      type: object
                      properties:
                        friends:
                          type: array
                          items: {$ref: '#/components/schemas/Friend'}
                    Toy:
                      type: object
                      properties:
                        name: {type: string}
                        colour: {type: string, enum: [red, blue]}
                    Friend:
                      type: object
                      properties:
                        collar: {$ref: '#/components/schemas/CollarName'}
                    CollarName:
                      $ref: '#/components/schemas/Collar'
                    Collar:
                      type: object
                      properties:
                        colour: {type: string}
                    Calm:
                      type: object
                      properties:
                        since: {type: string}
                    Owner:
                      type: object
                      properties:
                        pet: {$ref: '#/components/schemas/Pet'}
                        home: {$ref: '#/components/schemas/Home'}
                    Home:
                      type: object
                      properties:
                        street: {type: string}
                        kind: {type: string, enum: [flat, house]}

                """.utf8), renderer: try await loadTemplates())
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let files = try #require(rendered)
        func conforms(_ name: String) throws -> Bool {
            let text = try #require(files["\(name).swift"], "\(name).swift")
            return text.contains("\nextension \(name): JSONMatchable {\n")
        }
        // Members, a member's property types (through an array, a nested union and a typealias).
        for name in ["Cat", "Dog", "Toy", "ToyColour", "Friend", "Collar", "Calm"] {
            #expect(try conforms(name), "\(name)")
        }
        // A struct holding a union is not inside one; nor is what only it holds, nor an unrelated struct.
        for name in ["Owner", "Home", "HomeKind"] {
            #expect(try !conforms(name), "\(name)")
        }
        // Unions always conform.
        #expect(try #require(files["Pet.swift"]).contains("\nextension Pet: JSONMatchable {\n"))
    }
}
