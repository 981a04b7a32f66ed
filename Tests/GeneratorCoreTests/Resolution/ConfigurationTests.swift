import Foundation
import Testing

@testable import GeneratorCore

/// The configuration file's choices, decoded with positions and applied by the resolver.
@Suite struct ConfigurationTests {
    static let document = """
        openapi: 3.0.3
        info: {title: Shop, version: '1'}
        paths:
          /pets:
            get:
              operationId: list_pets
              tags: [pets]
              parameters:
                - {name: since, in: query, schema: {type: string, format: date-time}}
              responses:
                '200':
                  description: pets
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/pet_record'}}
                default: {$ref: '#/components/responses/Problem'}
          /orders/{id}:
            get:
              tags: [orders]
              parameters:
                - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
              responses:
                '200':
                  description: the order
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Order'}
        components:
          responses:
            Problem:
              description: a problem
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Problem'}
          schemas:
            pet_record:
              type: object
              properties:
                id: {type: string, format: uuid}
                owner: {$ref: '#/components/schemas/Owner'}
                born_at: {type: string, format: date-time}
            Owner: {type: object, properties: {name: {type: string}}}
            Problem: {type: object, properties: {title: {type: string}}}
            Order: {type: object, properties: {lines: {type: array, items: {$ref: '#/components/schemas/Line'}}}}
            Line: {type: object, properties: {sku: {type: string}}}
            Unused: {type: string, enum: [a, b]}
        """

    /// Decodes `configuration` (as `c.yaml`) and resolves the document with it.
    func resolve(configuration text: String) throws -> (module: IR.Module, diagnostics: [String]) {
        let diagnostics = DiagnosticCollector()
        let root = try YAMLParser(bytes: Array(text.utf8)).parse()
        let configuration = try #require(
            GeneratorConfiguration.decode(
                root, file: "c.yaml", folder: URL(fileURLWithPath: "/"), diagnostics: diagnostics))
        let documentRoot = try #require(try YAMLParser(bytes: Array(Self.document.utf8)).parse())
        let document = try #require(DocumentDecoder(file: "t.yaml", diagnostics: diagnostics).decode(documentRoot))
        let module = ModuleResolver(configuration: configuration, file: "t.yaml", diagnostics: diagnostics).resolve(
            document)
        return (module, diagnostics.sorted.map(\.description))
    }

    func structure(_ module: IR.Module, _ name: String) throws -> IR.Structure {
        guard case .structure(let value)? = module.type(name) else { throw CancellationError() }
        return value
    }

    @Test func namesOverrideTypesPropertiesAndOperations() throws {
        let (module, diagnostics) = try resolve(
            configuration: """
                names:
                  types:
                    '#/components/schemas/pet_record': Pet
                  properties:
                    '#/components/schemas/pet_record/properties/born_at': birthday
                    '#/components/schemas/pet_record/properties/owner': default
                  operations:
                    list_pets: allPets
                    GET /orders/{id}: order
                """)
        #expect(diagnostics == [])
        #expect(module.operations.map(\.functionName) == ["order", "allPets"])  // by path: /orders/{id}, /pets
        let pet = try structure(module, "Pet")
        // A keyword the user chose is kept, between backticks.
        #expect(pet.properties.map(\.swiftName) == ["id", "`default`", "birthday"])
        #expect(pet.properties.map(\.jsonName) == ["id", "owner", "born_at"])
        #expect(module.type("PetRecord") == nil)
    }

    @Test func namesThatNameNothingOrAreNotSwiftAreErrors() throws {
        let (_, diagnostics) = try resolve(
            configuration: """
                names:
                  types:
                    '#/components/schemas/pet_recrd': Pet
                    '#/components/schemas/Owner': 2Owner
                  operations:
                    list_pet: allPets
                """)
        #expect(
            diagnostics == [
                "c.yaml:3:39: error: names '#/components/schemas/pet_recrd', which is not a schema the generator "
                    + "declares; did you mean '#/components/schemas/pet_record'?",
                "c.yaml:4:35: error: '2Owner' is not a legal Swift type name; did you mean '_2Owner'?",
                "c.yaml:6:15: error: names operation 'list_pet', which the document does not have (give its "
                    + "operationId or 'METHOD /path'); did you mean 'list_pets'?",
            ])
    }

    @Test func formatsChooseTheSwiftType() throws {
        let (module, diagnostics) = try resolve(
            configuration: """
                formats:
                  uuid: Foundation.UUID
                  date-time: String
                """)
        #expect(diagnostics == [])
        #expect(try structure(module, "PetRecord").properties.map(\.type) == [.uuid, .declared("Owner"), .string])
        #expect(module.operations.map(\.path) == ["/orders/{id}", "/pets"])
        #expect(module.operations[0].parameters.map(\.type) == [.uuid])
        #expect(module.operations[1].parameters.map(\.type) == [.string])
    }

    @Test func formatsOfAnotherKindAreWarnedAndIgnored() throws {
        let (module, diagnostics) = try resolve(configuration: "formats:\n  uuid: Int\n  date-time: Instant\n")
        #expect(
            diagnostics == [
                "c.yaml:3:14: error: 'Instant' is not a type a format can take; expected one of 'String', 'URL', "
                    + "'UUID', 'Date', 'CalendarDate', 'Data', 'Int', 'Int32', 'Int64', 'Double', 'Float'",
                "t.yaml:21:56: warning: 'formats' maps 'uuid' to Int, which cannot read string values; this schema "
                    + "keeps the generator's type",
                "t.yaml:39:13: warning: 'formats' maps 'uuid' to Int, which cannot read string values; this schema "
                    + "keeps the generator's type",
            ])
        #expect(module.operations[0].parameters.map(\.type) == [.string])  // GET /orders/{id}: its uuid id
    }

    /// Kept: the pets operation, its array's items (`pet_record`), what they reference (`Owner`), and the
    /// schema of the response component it uses (`Problem`). Not kept: the orders operation, `Order`, `Line`,
    /// and `Unused`, which nothing references.
    @Test func includeKeepsTheOperationsAndExactlyTheSchemasTheyUse() throws {
        let (module, diagnostics) = try resolve(configuration: "include:\n  tags: [pets]\n")
        #expect(diagnostics == [])
        #expect(module.operations.map(\.functionName) == ["listPets"])
        #expect(Set(module.types.map(\.name)) == ["PetRecord", "Owner", "Problem"])
        let byPath = try resolve(configuration: "include:\n  paths: ['/orders*']\n").module
        #expect(byPath.operations.map(\.path) == ["/orders/{id}"])
        #expect(Set(byPath.types.map(\.name)) == ["Order", "Line"])
        let byID = try resolve(configuration: "include:\n  operationIds: [list_pets]\n").module
        #expect(byID.operations.map(\.path) == ["/pets"])
    }

    @Test func includeEntriesThatSelectNothingAreReported() throws {
        let (_, diagnostics) = try resolve(configuration: "include:\n  tags: [pet]\n")
        #expect(
            diagnostics == [
                "c.yaml:2:3: warning: 'include' names tag 'pet', which no operation has; did you mean 'pets'?",
                "c.yaml:2:3: error: 'include' keeps no operation of the document",
            ])
    }

    @Test func conformancesAndUnknownKeys() throws {
        let (module, diagnostics) = try resolve(
            configuration: "conformances:\n  Identifiable: true\n  CaseIterabel: false\n")
        #expect(
            diagnostics == [
                "c.yaml:3:3: error: 'CaseIterabel' is not a conformance the generator adds; did you mean 'CaseIterable'?"
            ])
        #expect(module.conformsToIdentifiable)
        #expect(module.conformsToCaseIterable)
    }
}
