import Foundation
import Testing

@testable import GeneratorCore

/// `Presenter.prepared(for:)`: the tables the jobs look types and names up in, made from the declarations and from
/// the operations, are the same whether the two kinds are made on one thread or on two.
@Suite struct PreparedTablesTests {
    static let document = """
        openapi: 3.0.3
        info: {title: Shop, version: "1"}
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200':
                  description: The pet.
                  content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}
                '404':
                  description: No such pet.
                  content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}
        components:
          schemas:
            Pet: {oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]}
            Either: {anyOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]}
            Cat: {type: object, properties: {purrs: {type: boolean}}}
            Dog: {type: object, properties: {barks: {type: boolean}}}
            Problem: {type: object, properties: {detail: {type: string}}}
            Owner: {type: object, properties: {address: {type: object, properties: {street: {type: string}}}}}
            Store: {type: object, properties: {address: {type: object, properties: {street: {type: string}}}}}
        """

    @Test func tablesAreTheSameOnOneThreadAndOnTwo() throws {
        let (module, _) = try resolve(Self.document)
        let presenter = Presenter(documentName: "openapi.yaml")
        let oneThread = presenter.prepared(for: module, onTwoThreads: false)
        let twoThreads = presenter.prepared(for: module, onTwoThreads: true)
        for prepared in [oneThread, twoThreads] {
            #expect(prepared.moduleName == "Shop")
            // From the operation: its outcome enum, and its failure enum (a documented error with a body).
            #expect(prepared.outcomeTypeNames == ["getPet": "GetPetOutcome"])
            #expect(prepared.responseTypeNames[Presenter.responseTypeKey("getPet", "failure")] == "GetPetFailure")
            // From the declarations: the union's members conform to `JSONMatchable`, the `anyOf`'s are its object
            // members, and the two identical inline addresses are one struct, the shorter name first in order
            // (`OwnerAddress`), which the other's typealias stands for.
            #expect(prepared.matchableTypeNames == ["Cat", "Dog"])
            #expect(prepared.anyOfMemberNames == ["Cat", "Dog"])
            #expect(prepared.declarations["StoreAddress"]?.name == "OwnerAddress")
            #expect(prepared.declarations["Problem"]?.name == "Problem")
        }
        #expect(module.identicalSchemas == ["StoreAddress": "OwnerAddress"])
        // And every table the same both ways, not only the entries above.
        #expect(twoThreads.outcomeTypeNames == oneThread.outcomeTypeNames)
        #expect(twoThreads.responseTypeNames == oneThread.responseTypeNames)
        #expect(twoThreads.declarations.mapValues(\.name) == oneThread.declarations.mapValues(\.name))
    }
}
