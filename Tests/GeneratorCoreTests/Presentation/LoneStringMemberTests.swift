import Foundation
import Testing

@testable import GeneratorCore

/// A union whose one `String` member is the only member a string can fit (every other member an object, as in an
/// expandable field: an ID or the object it names) reads a string payload as that member's value at once, without
/// building a JSON value and scoring every member, whether it holds one member (an enum) or every member that fits
/// (an anyOf struct). Any other mix keeps the scoring path.
@Suite struct LoneStringMemberTests {
    @Test func onlyAStringBesideObjectsIsReadFirst() async throws {
        let (rendered, diagnostics) = renderInMemory(
            Array(
                """
                openapi: 3.0.3
                info: {title: Lone, version: "1"}
                paths: {}
                components:
                  schemas:
                    Customer:
                      type: object
                      properties:
                        id: {type: string}
                    Deleted:
                      type: object
                      required: [deleted]
                      properties:
                        deleted: {type: boolean}
                    Kind: {type: string, enum: [a, b]}
                    Expandable:
                      anyOf:
                        - {type: string, maxLength: 5000}
                        - $ref: '#/components/schemas/Customer'
                    OneOfExpandable:
                      oneOf:
                        - $ref: '#/components/schemas/Customer'
                        - {type: string}
                        - $ref: '#/components/schemas/Deleted'
                    OverlappingObjects:
                      anyOf:
                        - {type: string}
                        - $ref: '#/components/schemas/Customer'
                        - $ref: '#/components/schemas/Deleted'
                    WithEnum:
                      oneOf:
                        - {type: string}
                        - $ref: '#/components/schemas/Kind'
                        - $ref: '#/components/schemas/Customer'
                    TwoStrings:
                      oneOf:
                        - {type: string}
                        - {type: string, format: date-time}
                        - $ref: '#/components/schemas/Customer'
                    WithInteger:
                      oneOf:
                        - {type: string}
                        - {type: integer}
                        - $ref: '#/components/schemas/Customer'
                    Scalars:
                      oneOf:
                        - {type: string}
                        - {type: integer}
                    WithArray:
                      oneOf:
                        - {type: string}
                        - {type: array, items: {type: string}}
                        - $ref: '#/components/schemas/Customer'

                """.utf8), renderer: try await loadTemplates())
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let files = try #require(rendered)
        func readsStringFirst(_ name: String, as caseName: String) throws -> Bool {
            let text = try #require(files["\(name).swift"], "\(name).swift")
            return text.contains(
                """
                        if let text = try? container.decode(String.self) {
                            self = .\(caseName)(text)
                            return
                        }
                """)
        }
        #expect(try readsStringFirst("Expandable", as: "string"))
        #expect(try readsStringFirst("OneOfExpandable", as: "string"))
        // A string may also fit an enum, a date-time text or a scalar union's other members: scored as before.
        for name in ["WithEnum", "TwoStrings", "WithInteger", "Scalars", "WithArray"] {
            let text = try #require(files["\(name).swift"], "\(name).swift")
            #expect(!text.contains("alone, every other member being an object"), "\(name)")
            #expect(text.contains("readingFirst:"), "\(name)")
        }
        // An anyOf whose objects can both fit keeps every member that fits, in a struct; a string fits only its
        // `String` member there too.
        let overlapping = try #require(files["OverlappingObjects.swift"])
        #expect(overlapping.contains("public struct OverlappingObjects"))
        #expect(
            overlapping.contains(
                """
                        if let text = try? container.decode(String.self) {
                            self.string = nil
                            self.customer = nil
                            self.deleted = nil
                            self.string = text
                            return
                        }
                """))
    }
}
