import Foundation
import Testing

@testable import GeneratorCore

/// Parses, decodes and resolves a document given as text.
func resolve(_ text: String, configuration: GeneratorConfiguration = GeneratorConfiguration()) throws -> (
    module: IR.Module, diagnostics: [String]
) {
    let root = try #require(try YAMLParser(bytes: Array(text.utf8)).parse())
    let diagnostics = DiagnosticCollector()
    let document = try #require(DocumentDecoder(file: "t.yaml", diagnostics: diagnostics).decode(root))
    let module = ModuleResolver(configuration: configuration, file: "t.yaml", diagnostics: diagnostics).resolve(
        document)
    return (module, diagnostics.sorted.map(\.description))
}

extension IR.Module {
    func type(_ name: String) -> IR.TypeDeclaration? { types.first { $0.name == name } }
}

@Suite struct ModuleResolverTests {
    static let header = """
        openapi: 3.1.0
        info: {title: My API, version: '1'}

        """

    @Test func fastAPIOperationIDsLoseTheirGeneratedSuffix() throws {
        let (module, _) = try resolve(
            Self.header + """
                paths:
                  /items/{item_id}:
                    get:
                      operationId: read_item_items__item_id__get
                      parameters: [{name: item_id, in: path, required: true, schema: {type: integer}}]
                      responses: {'200': {description: ok}}
                  /items:
                    post:
                      responses: {'204': {description: created}}
                """)
        // Operations are in path order (`/items` before `/items/{item_id}`), whatever the document's order.
        #expect(module.operations.map(\.functionName) == ["postItems", "readItem"])
        #expect(module.operations.map(\.method) == ["POST", "GET"])
        #expect(module.operations[1].parameters.map(\.swiftName) == ["itemID"])
        #expect(module.name == "MyAPI")
        #expect(module.clientName == "MyAPIClient")
    }

    /// BR-33: names synthesised from method and path never take a name the document gives.
    @Test func synthesisedNamesYieldToGivenOperationIDs() throws {
        let text = try String(contentsOf: TestPaths.cases.appendingPathComponent("BR-33.yaml"), encoding: .utf8)
        let (module, diagnostics) = try resolve(text)
        #expect(
            module.operations.map(\.path) == [
                "/users/{userId}/posts", "/users/{userId}/posts", "/users/{userId}/posts/{postId}", "/v1/items",
                "/v2/items",
                "/v2/items/search",
            ])
        #expect(
            module.operations.map(\.functionName) == [
                "getUsersUserIDPosts", "postUsersUserIDPosts", "getUsersUserIDPostsPostID", "getV1Items", "getV2Items2",
                "getV2Items",
            ])
        #expect(
            diagnostics.contains {
                $0.hasSuffix("note: operation 'GET /v2/items' is named 'getV2Items2' to avoid a clash")
            })
    }

    /// BR-32: references between components are followed, and a 3.1 `description` beside `$ref` wins.
    @Test func referencesBetweenComponentsAndTheirDescriptions() throws {
        let text = try String(contentsOf: TestPaths.cases.appendingPathComponent("BR-32.yaml"), encoding: .utf8)
        let (module, diagnostics) = try resolve(text)
        #expect(diagnostics.allSatisfy { !$0.contains("error:") }, "\(diagnostics)")
        let list = try #require(module.operations.first { $0.functionName == "listNotes" })
        #expect(list.parameters.map(\.name) == ["pageSize", "X-Trace"])
        #expect(list.parameters.map(\.location) == [.query, .header])
        let unauthorized = try #require(list.errors.first { $0.status == "401" })
        #expect(unauthorized.documentation.description == "Token missing or expired")
        #expect(unauthorized.type == .declared("AbortError"))
        let create = try #require(module.operations.first { $0.functionName == "createNote" })
        #expect(create.requestBody?.structureName == "Note")
        #expect(create.requestBody?.flattenedProperties?.map(\.jsonName) == ["text"])
    }

    @Test func inlineSchemasAreNamedAfterTheirPlace() throws {
        let (module, _) = try resolve(
            Self.header + """
                paths: {}
                components:
                  schemas:
                    Pet:
                      type: object
                      properties:
                        status: {type: string, enum: [available, sold]}
                        owner: {type: object, properties: {name: {type: string}}}
                        tags: {type: array, items: {type: object, properties: {label: {type: string}}}}
                """)
        #expect(module.types.map(\.name) == ["Pet", "PetOwner", "PetStatus", "PetTagsItem"])
        guard case .structure(let pet)? = module.type("Pet") else {
            Issue.record("Pet is not a struct")
            return
        }
        #expect(
            pet.properties.map(\.type) == [
                .declared("PetStatus"), .declared("PetOwner"), .array(.declared("PetTagsItem")),
            ])
    }

    @Test func clashingAndReservedNamesAreRenamedWithNotes() throws {
        let (module, diagnostics) = try resolve(
            Self.header + """
                paths: {}
                components:
                  schemas:
                    Pet: {type: string}
                    pet: {type: integer}
                    Error: {type: object, properties: {message: {type: string}}}
                """)
        #expect(module.types.map(\.name) == ["ErrorModel", "Pet", "Pet2"])
        #expect(diagnostics.contains("t.yaml:7:10: note: type 'Pet' is named 'Pet2' to avoid a clash"))
        #expect(diagnostics.contains("t.yaml:8:12: note: type 'Error' is named 'ErrorModel' to avoid a clash"))
    }

    @Test func unresolvedReferenceIsAnErrorAtTheReference() throws {
        let (_, diagnostics) = try resolve(
            Self.header + """
                paths: {}
                components:
                  schemas:
                    A:
                      type: object
                      properties:
                        b: {$ref: '#/components/schemas/Bee'}
                """)
        #expect(
            diagnostics == [
                "t.yaml:9:19: error: reference '#/components/schemas/Bee' does not resolve; no schema named 'Bee' in 'components/schemas'"
            ])
    }

    /// An object query parameter keeps its type and is serialised (`form` with `explode`: `q=…`), without a warning.
    @Test func parameterOfObjectTypeKeepsItsType() throws {
        let (module, diagnostics) = try resolve(
            Self.header + """
                paths:
                  /search:
                    get:
                      operationId: search
                      parameters:
                        - name: filter
                          in: query
                          schema: {type: object, properties: {q: {type: string}}}
                      responses: {'200': {description: ok}}
                """)
        let parameter = try #require(module.operations.first?.parameters.first)
        #expect(parameter.type == .declared("SearchFilter"))
        #expect(parameter.style == "form" && parameter.explode && !parameter.isPlain)
        #expect(diagnostics.isEmpty)
    }

    @Test func configuredEnumNamesApplyAndUnknownValuesAreReported() throws {
        var configuration = GeneratorConfiguration(file: "c.yaml")
        configuration.enumCaseNames[JSONPointer(["components", "schemas", "Level"])] = [
            "1": ("low", SourceMark(line: 3, column: 8)), "9": ("extreme", SourceMark(line: 4, column: 8)),
        ]
        let (module, diagnostics) = try resolve(
            Self.header + """
                paths: {}
                components:
                  schemas:
                    Level: {type: integer, enum: [1, 2]}
                """, configuration: configuration)
        guard case .enumeration(let level)? = module.type("Level") else {
            Issue.record("Level is not an enum")
            return
        }
        #expect(level.cases.map(\.swiftName) == ["low", "value2"])
        #expect(level.undocumentedCaseName == "undocumented")
        #expect(
            diagnostics == [
                "c.yaml:4:8: warning: 'extreme' names value '9', which '#/components/schemas/Level' does not list"
            ])
    }
}
