import Foundation
import Testing

@testable import GeneratorCore

/// A union member named through a typealias (a component that is a plain string, `CustomerID = String`, or only a
/// `$ref` to another component, `Client = Customer`) decodes the way the type it stands for does: the JSON kind
/// every member needs, a lone `String` beside objects, objects scored by their keys, an `anyOf` of objects
/// decoding its member structs from one container, and the shortcuts of enum members.
@Suite struct AliasedUnionMemberTests {
    @Test func membersActAsTheTypesTheirAliasesStandFor() async throws {
        let (rendered, diagnostics) = renderInMemory(
            Array(
                """
                openapi: 3.0.3
                info: {title: Aliases, version: "1"}
                paths: {}
                components:
                  schemas:
                    Customer: {type: object, required: [id], properties: {id: {type: string}, name: {type: string}}}
                    Deleted:
                      type: object
                      required: [id, deleted]
                      properties: {id: {type: string}, deleted: {type: boolean, enum: [true]}}
                    CustomerID: {type: string}
                    Client: {$ref: '#/components/schemas/Customer'}
                    Patron: {$ref: '#/components/schemas/Client'}
                    Audio: {type: string, enum: [mp3, aac]}
                    Video: {type: string, enum: [mp4]}
                    Sound: {$ref: '#/components/schemas/Audio'}
                    Reference:
                      oneOf:
                        - {$ref: '#/components/schemas/CustomerID'}
                        - {$ref: '#/components/schemas/Patron'}
                    Party:
                      oneOf:
                        - {$ref: '#/components/schemas/Client'}
                        - {$ref: '#/components/schemas/Deleted'}
                    Media:
                      oneOf:
                        - {$ref: '#/components/schemas/Sound'}
                        - {$ref: '#/components/schemas/Video'}
                    Both:
                      anyOf:
                        - {$ref: '#/components/schemas/Client'}
                        - {$ref: '#/components/schemas/Deleted'}

                """.utf8), renderer: try await loadTemplates())
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let files = try #require(rendered)
        func file(_ name: String) throws -> String { try #require(files["\(name).swift"], "\(name).swift") }

        // The aliases stay typealiases, and the unions spell their members with them.
        #expect(try file("CustomerID").contains("public typealias CustomerID = String"))
        #expect(try file("Client").contains("public typealias Client = Customer"))
        #expect(try file("Patron").contains("public typealias Patron = Client"))

        // `CustomerID` is a `String` and `Patron` (through `Client`) a struct: a string is read first.
        let reference = try file("Reference")
        #expect(reference.contains("case patron(Patron)"))
        #expect(
            reference.contains(
                """
                        if let text = try? container.decode(String.self) {
                            self = .customerID(text)
                            return
                        }
                """))

        // Two objects: scored from the decoder's keys, with no JSON value built.
        let party = try file("Party")
        #expect(party.contains("var members = try JSONDecodingObjectMembers(from: decoder)"))
        #expect(party.contains("try Client.matchScore(in: &members),"))
        #expect(!party.contains("readingFirst:"))

        // Two string enums: the payload is read as a string, and each value only one member has is a shortcut.
        let media = try file("Media")
        #expect(media.contains("JSONValue.string(try container.decode(String.self))"))
        #expect(media.contains("public static var mp3: Self { .sound(.mp3) }"))
        #expect(media.contains("public static var mp4: Self { .video(.mp4) }"))

        // An anyOf of two objects that can both fit: the member structs decode from the union's own container,
        // so `Customer` (behind `Client`) declares its property names for it as `Deleted` does.
        #expect(try file("Both").contains("memberScores(in members: inout JSONDecodingObject<PropertyNames>)"))
        for name in ["Customer", "Deleted"] {
            #expect(try file(name).contains("enum CodingKeys: CodingKey, DeclaredNames"), "\(name)")
        }
    }
}
