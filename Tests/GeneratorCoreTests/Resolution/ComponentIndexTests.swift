import Testing

@testable import GeneratorCore

/// Decodes a document given as text and builds its component index.
private func index(_ text: String) throws -> (ComponentIndex, DiagnosticCollector) {
    let root = try #require(try YAMLParser(bytes: Array(text.utf8)).parse())
    let diagnostics = DiagnosticCollector()
    let document = try #require(DocumentDecoder(file: "t.yaml", diagnostics: diagnostics).decode(root))
    #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics)")
    return (ComponentIndex(document: document, file: "t.yaml", diagnostics: diagnostics), diagnostics)
}

private func reference(_ ref: String) -> OpenAPI.Reference {
    OpenAPI.Reference(ref: ref, mark: SourceMark(line: 99, column: 7))
}

/// The one place references are followed: every kind of component by name, every schema by pointer, chains,
/// cycles, references that name nothing and references to the wrong kind. Lines and columns are counted by hand
/// in the documents below (line 1 is `openapi:`).
@Suite struct ComponentIndexTests {
    static let kinds = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Pet: {type: object, properties: {id: {type: integer}}}
          parameters:
            Limit: {name: limit, in: query, schema: {type: integer}}
            PageSize: {$ref: '#/components/parameters/Limit', description: Items per page}
            First: {$ref: '#/components/parameters/PageSize'}
          responses:
            NotFound: {description: Not found}
          requestBodies:
            NewPet: {description: A pet, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
          headers:
            Rate: {description: Calls left, schema: {type: integer}}
          securitySchemes:
            bearer: {type: http, scheme: bearer}
            token: {$ref: '#/components/securitySchemes/bearer'}
        """

    @Test func everyKindIsFoundByName() throws {
        let (index, diagnostics) = try index(Self.kinds)
        #expect(index.schemas.names == ["Pet"])
        #expect(index.schemas["Pet"]?.properties.map(\.name) == ["id"])
        #expect(index.parameters.names == ["Limit", "PageSize", "First"])
        #expect(index.responses.names == ["NotFound"])
        #expect(index.requestBodies.names == ["NewPet"])
        #expect(index.headers.names == ["Rate"])
        #expect(index.securitySchemes.names == ["bearer", "token"])
        let body = try #require(index.resolve(index.requestBodies["NewPet"]!, in: index.requestBodies))
        #expect(body.description == "A pet")
        let response = try #require(
            index.resolve(.reference(reference("#/components/responses/NotFound")), in: index.responses))
        #expect(response.description == "Not found")
        let header = try #require(index.resolve(.reference(reference("#/components/headers/Rate")), in: index.headers))
        #expect(header.description == "Calls left")
        let scheme = try #require(index.follow(index.securitySchemes["token"]!, in: index.securitySchemes))
        #expect(scheme.value.type == "http")
        #expect(scheme.value.scheme == "bearer")
        #expect(diagnostics.diagnostics.isEmpty)
    }

    /// `First` → `PageSize` → `Limit`: the value at the end, with the first description met beside a `$ref`,
    /// which replaces the target's in 3.1 only.
    @Test func chainsAreFollowedToTheirValueWithTheFirstDescription() throws {
        let (index31, diagnostics) = try index(Self.kinds)
        let start = OpenAPI.Referenceable<OpenAPI.Parameter>.reference(reference("#/components/parameters/First"))
        let followed = try #require(index31.follow(start, in: index31.parameters))
        #expect(followed.value.name == "limit")
        #expect(followed.description == "Items per page")
        #expect(index31.resolve(start, in: index31.parameters)?.description == "Items per page")
        let (index30, _) = try index(Self.kinds.replacingOccurrences(of: "openapi: 3.1.0", with: "openapi: 3.0.3"))
        #expect(index30.resolve(start, in: index30.parameters)?.description == nil)
        #expect(diagnostics.diagnostics.isEmpty)
    }

    @Test func aCycleIsReportedWithItsChain() throws {
        let (index, diagnostics) = try index(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              parameters:
                A: {$ref: '#/components/parameters/B'}
                B: {$ref: '#/components/parameters/A'}
            """)
        #expect(index.follow(index.parameters["A"]!, in: index.parameters) == nil)
        // A's value is its reference to B (line 6), which leads to B's reference to A (line 7), which leads back to
        // A's reference to B, met again at line 6, column 15.
        #expect(
            diagnostics.sorted.map(\.description) == [
                "t.yaml:6:15: error: reference cycle: #/components/parameters/B → #/components/parameters/A → #/components/parameters/B"
            ])
    }

    @Test func aReferenceThatNamesNothingSuggestsTheNearestName() throws {
        let (index, diagnostics) = try index(Self.kinds)
        let missing = OpenAPI.Referenceable<OpenAPI.Response>.reference(reference("#/components/responses/NotFund"))
        #expect(index.resolve(missing, in: index.responses) == nil)
        let schema = index.target(of: reference("#/components/schemas/Pets"))
        #expect(schema == nil)
        #expect(
            diagnostics.sorted.map(\.description) == [
                "t.yaml:99:7: error: reference '#/components/responses/NotFund' does not resolve; no entry 'NotFund' in 'components/responses'; did you mean 'NotFound'?",
                "t.yaml:99:7: error: reference '#/components/schemas/Pets' does not resolve; no schema named 'Pets' in 'components/schemas'; did you mean 'Pet'?",
            ])
    }

    @Test func aReferenceToAnotherKindOrOutsideTheDocumentIsAnError() throws {
        let (index, diagnostics) = try index(Self.kinds)
        let wrongKind = OpenAPI.Referenceable<OpenAPI.Header>.reference(reference("#/components/schemas/Pet"))
        #expect(index.resolve(wrongKind, in: index.headers) == nil)
        #expect(index.target(of: reference("other.yaml#/Pet")) == nil)
        #expect(index.target(of: reference("#/components/schemas/Pet/properties/name")) == nil)
        #expect(
            diagnostics.diagnostics.map(\.description) == [
                "t.yaml:99:7: error: reference '#/components/schemas/Pet' is not supported here; expected '#/components/headers/<name>'",
                "t.yaml:99:7: error: reference 'other.yaml#/Pet' is not supported; only references within the document ('#/…') are",
                "t.yaml:99:7: error: reference '#/components/schemas/Pet/properties/name' does not resolve to a schema",
            ])
    }

    /// Schemas nested in components and in operations are found by their pointer, with `~1` for `/`.
    @Test func aPointerIntoANestedSchemaFindsIt() throws {
        let (index, diagnostics) = try index(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json: {schema: {type: array, items: {type: string, format: uuid}}}
            components:
              schemas:
                Pet: {type: object, properties: {tags: {type: array, items: {type: integer}}}}
              headers:
                Rate: {schema: {type: number}}
            """)
        let item = try #require(index.target(of: reference("#/components/schemas/Pet/properties/tags/items")))
        #expect(item.component == nil)
        #expect(item.schema.types == ["integer"])
        let pet = try #require(index.target(of: reference("#/components/schemas/Pet")))
        #expect(pet.component == "Pet")
        let ids = try #require(
            index.target(
                of: reference("#/paths/~1pets/get/responses/200/content/application~1json/schema/items")))
        #expect(ids.schema.format == "uuid")
        #expect(index.target(of: reference("#/components/headers/Rate/schema"))?.schema.types == ["number"])
        #expect(diagnostics.diagnostics.isEmpty)
    }

    static let schemaChains = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            A: {$ref: '#/components/schemas/B'}
            B: {$ref: '#/components/schemas/Box/properties/inner'}
            Box: {type: object, properties: {inner: {$ref: '#/components/schemas/C'}}}
            C: {type: string, maxLength: 3}
            Loop1: {$ref: '#/components/schemas/Loop2'}
            Loop2: {$ref: '#/components/schemas/Holder/properties/back'}
            Holder: {type: object, properties: {back: {$ref: '#/components/schemas/Loop1'}}}
            IntoLoop: {$ref: '#/components/schemas/Loop2'}
        """

    /// `A` → `B` → `Box`'s `inner` → `C`: the chain passes through a nested schema to the string.
    @Test func schemaChainsAreFollowedThroughNestedSchemas() throws {
        let (index, diagnostics) = try index(Self.schemaChains)
        let a = try #require(index.schemas["A"])
        let chain = index.chain(from: a)
        #expect(chain.end?.pointer.description == "#/components/schemas/C")
        #expect(chain.described?.pointer.description == "#/components/schemas/C")
        #expect(!chain.acceptsNull && !chain.isReadOnly && chain.defaultValue == nil)
        #expect(index.chain(from: index.schemas["B"]!).end === chain.end)
        #expect(index.followed(a)?.types == ["string"])
        #expect(index.followed(index.schemas["C"]!)?.constraints == ["at most 3 characters"])
        #expect(diagnostics.diagnostics.isEmpty)
    }

    /// `Loop1` → `Loop2` → `Holder`'s `back` → `Loop1`: one error, at the reference of the member walked first,
    /// naming components by name and the nested schema by pointer; what leads into the cycle is not on it.
    @Test func aSchemaCycleIsReportedOnceWithNamesAndPointers() throws {
        let (index, diagnostics) = try index(Self.schemaChains)
        let starts = ["IntoLoop", "Loop1", "Loop2", "Holder", "A"].map { index.schemas[$0]! }
        index.reportCycles(startingAt: starts)
        index.reportCycles(startingAt: starts)
        #expect(index.isOnCycle(index.schemas["Loop1"]!))
        #expect(index.isOnCycle(index.schemas["Loop2"]!))
        #expect(!index.isOnCycle(index.schemas["IntoLoop"]!))
        #expect(!index.isOnCycle(index.schemas["A"]!))
        #expect(index.followed(index.schemas["IntoLoop"]!) == nil)
        #expect(index.chain(from: index.schemas["IntoLoop"]!).last == nil)
        // Walked from IntoLoop: Loop2 (line 11), Holder's back, Loop1 (line 10), then Loop2 again, whose `$ref`
        // is at line 11, column 19.
        #expect(
            diagnostics.sorted.map(\.description) == [
                "t.yaml:11:19: error: reference cycle: Loop2 → #/components/schemas/Holder/properties/back → Loop1 → Loop2"
            ])
    }

    /// Chains longer than the few links a walk searches in place (it indexes them past eight): `Into` leads into
    /// `C1` → … → `C12` → `C1`, `E1` → … → `E9` → `E1` is found from its first member, and `D1` → … → `D12` ends at
    /// a reference that names nothing. Line 6 is `Into`'s, then one component a line: `C1` at 7 to `C12` at 18,
    /// `E1` at 19 to `E9` at 27, `D1` at 28 to `D12` at 39, and `S`, a reference to itself, at 40. A `$ref` value
    /// starts after `    Cn: {$ref: `: at column 15 for a one-character name, 16 for two characters, 17 for three.
    @Test func longChainsAndCyclesAreWalkedOnce() throws {
        var lines = ["openapi: 3.0.3", "info: {title: T, version: '1'}", "paths: {}", "components:", "  schemas:"]
        lines.append("    Into: {$ref: '#/components/schemas/C1'}")
        for n in 1...12 { lines.append("    C\(n): {$ref: '#/components/schemas/C\(n == 12 ? 1 : n + 1)'}") }
        for n in 1...9 { lines.append("    E\(n): {$ref: '#/components/schemas/E\(n == 9 ? 1 : n + 1)'}") }
        for n in 1...11 { lines.append("    D\(n): {$ref: '#/components/schemas/D\(n + 1)'}") }
        lines.append("    D12: {$ref: '#/components/schemas/Zzzzzzzzzzzz'}")
        lines.append("    S: {$ref: '#/components/schemas/S'}")
        #expect(lines.count == 40)
        let (index, diagnostics) = try index(lines.joined(separator: "\n"))
        index.reportCycles(startingAt: ["Into", "E1", "D1", "S"].map { index.schemas[$0]! })
        index.reportCycles(startingAt: ["C5", "E5", "D5"].map { index.schemas[$0]! })
        for n in 1...12 { #expect(index.isOnCycle(index.schemas["C\(n)"]!)) }
        for n in 1...9 { #expect(index.isOnCycle(index.schemas["E\(n)"]!)) }
        for n in 1...12 { #expect(!index.isOnCycle(index.schemas["D\(n)"]!)) }
        #expect(!index.isOnCycle(index.schemas["Into"]!))
        #expect(index.isOnCycle(index.schemas["S"]!))
        // Walked from Into, the walk meets C1 again after C12: the error is at C1's `$ref` (line 7, column 16).
        // Walked from E1, it meets E1 again after E9: at E1's `$ref` (line 19, column 16). The D chain is no cycle.
        // S meets itself at once (line 40, column 15).
        let cycles = [
            "t.yaml:7:16: error: reference cycle: "
                + (1...12).map { "C\($0)" }.joined(separator: " → ") + " → C1",
            "t.yaml:19:16: error: reference cycle: " + (1...9).map { "E\($0)" }.joined(separator: " → ") + " → E1",
            "t.yaml:40:15: error: reference cycle: S → S",
        ]
        #expect(diagnostics.sorted.map(\.description) == cycles)
        // D1's chain stops at D12, whose reference names nothing: reported once, at D12's `$ref` (line 39,
        // column 17), however many of the chain's members are asked about.
        let chain = index.chain(from: index.schemas["D1"]!)
        #expect(chain.end == nil)
        #expect(chain.last?.pointer == JSONPointer(["components", "schemas", "D12"]))
        #expect(index.chain(from: index.schemas["D5"]!).last === chain.last)
        #expect(index.followed(index.schemas["D12"]!) == nil)
        #expect(index.chain(from: index.schemas["Into"]!).last == nil)
        let unresolved = diagnostics.sorted.map(\.description).filter { !cycles.contains($0) }
        #expect(
            unresolved == [
                "t.yaml:39:17: error: reference '#/components/schemas/Zzzzzzzzzzzz' does not resolve; no schema named "
                    + "'Zzzzzzzzzzzz' in 'components/schemas'"
            ])
    }

    /// 20,000 components, each a reference to the next: asking for every one's chain folds each link once. A walk
    /// to the end per component (200 million steps) would take minutes; the bound leaves room for a loaded machine.
    @Test func everyChainOfALongChainIsCheap() throws {
        let mark = SourceMark(line: 1, column: 1)
        var schemas = (0..<20_000).map { index in
            (
                name: "S\(index)",
                schema: OpenAPI.Schema(
                    reference: OpenAPI.Reference(ref: "#/components/schemas/S\(index + 1)", mark: mark), mark: mark,
                    pointer: JSONPointer(["components", "schemas", "S\(index)"]))
            )
        }
        schemas.append(
            (
                "S20000",
                OpenAPI.Schema(
                    types: ["string"], nullable: true, mark: mark,
                    pointer: JSONPointer(["components", "schemas", "S20000"]))
            ))
        let document = OpenAPI.Document(
            version: "3.0.3", info: OpenAPI.Info(title: "T", version: "1"), servers: [], paths: [],
            components: OpenAPI.Components(schemas: schemas), security: nil)
        let diagnostics = DiagnosticCollector()
        let index = ComponentIndex(document: document, file: "t.yaml", diagnostics: diagnostics)
        var ends = 0
        let elapsed = ContinuousClock().measure {
            index.reportCycles(startingAt: schemas.map(\.schema))
            for (_, schema) in schemas where index.chain(from: schema).acceptsNull {
                if index.followed(schema)?.pointer.tokens.last == "S20000" { ends += 1 }
            }
        }
        #expect(ends == 20_000)  // every component but the string itself, which is not a reference
        #expect(elapsed < .seconds(5), "\(elapsed)")
        #expect(diagnostics.diagnostics.isEmpty)
    }
}

/// What the stages get right now that they ask the index, where each used to follow references its own way.
@Suite struct ReferenceFollowingFixesTests {
    static let header = """
        openapi: 3.0.3
        info: {title: T, version: '1'}

        """

    func structure(_ name: String, in module: IR.Module) throws -> IR.Structure {
        guard case .structure(let structure)? = module.type(name) else {
            Issue.record("\(name) is not a struct")
            throw CancellationError()
        }
        return structure
    }

    /// `allOf: [$ref: Named]` where `Named` is itself a `$ref` to `Base`: `Base`'s properties (and its `required`)
    /// join `Pet`. They used to be lost: the member was followed one step, to `Named`, which declares none.
    @Test func anAllOfMemberIsFollowedThroughAChain() throws {
        let (module, diagnostics) = try resolve(
            Self.header + """
                paths: {}
                components:
                  schemas:
                    Pet:
                      allOf:
                        - $ref: '#/components/schemas/Named'
                        - type: object
                          properties: {age: {type: integer}}
                    Named: {$ref: '#/components/schemas/Base'}
                    Base:
                      type: object
                      required: [name]
                      properties: {name: {type: string}}
                """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let pet = try structure("Pet", in: module)
        #expect(pet.properties.map(\.jsonName) == ["name", "age"])
        #expect(pet.properties.map(\.type) == [.string, .integer])
        #expect(pet.properties.map(\.isRequired) == [true, false])
    }

    /// `allOf: [$ref: '#/components/schemas/Envelope/properties/meta']`: the nested schema's properties join
    /// `Event`. This used to be an error ("does not resolve to a component schema").
    @Test func anAllOfMemberMayNameANestedSchema() throws {
        let (module, diagnostics) = try resolve(
            Self.header + """
                paths: {}
                components:
                  schemas:
                    Event:
                      allOf:
                        - $ref: '#/components/schemas/Envelope/properties/meta'
                        - type: object
                          properties: {kind: {type: string}}
                    Envelope:
                      type: object
                      properties:
                        meta:
                          type: object
                          required: [id]
                          properties: {id: {type: integer}}
                """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let event = try structure("Event", in: module)
        #expect(event.properties.map(\.jsonName) == ["id", "kind"])
        #expect(event.properties.map(\.isRequired) == [true, false])
        #expect(try structure("EnvelopeMeta", in: module).properties.map(\.jsonName) == ["id"])
    }

    /// A property whose `$ref` leads through an alias (`Text` → `NullableText`) is nullable, read-only and has the
    /// default of the schema at the end; the alias, a typealias, carries none of that. Only `Text` used to be read.
    @Test func aPropertyReadsWhatTheEndOfItsChainSays() throws {
        let (module, diagnostics) = try resolve(
            Self.header + """
                paths: {}
                components:
                  schemas:
                    Note:
                      type: object
                      properties:
                        text: {$ref: '#/components/schemas/Text'}
                    Text: {$ref: '#/components/schemas/NullableText'}
                    NullableText: {type: string, nullable: true, readOnly: true, default: hello}
                """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let text = try #require(try structure("Note", in: module).properties.first)
        #expect(text.type == .declared("Text"))
        #expect(text.isNullable)
        #expect(text.isReadOnly)
        #expect(text.defaultValue == .string("hello"))
    }

    /// `A` is a `$ref` to a property of `B` that is a `$ref` to `A`: a cycle, reported like one between components.
    /// It used to declare nothing for `A` (its type was itself), so the generated code did not compile.
    @Test func aCycleThroughANestedSchemaIsAnError() throws {
        let (module, diagnostics) = try resolve(
            Self.header + """
                paths: {}
                components:
                  schemas:
                    A: {$ref: '#/components/schemas/B/properties/x'}
                    B: {type: object, properties: {x: {$ref: '#/components/schemas/A'}}}
                """)
        // Line 6 is `A`'s; its `$ref` value starts at column 15.
        #expect(diagnostics == ["t.yaml:6:15: error: reference cycle: A → #/components/schemas/B/properties/x → A"])
        guard case .alias(let alias)? = module.type("A") else {
            Issue.record("A is not an alias")
            return
        }
        #expect(alias.target == .jsonValue)
    }

    /// A multipart part's header with a `description` beside its `$ref`: the override is 3.1's; in 3.0 the
    /// component's own description stays (it used to be overridden in both).
    @Test func aDescriptionBesideAReferenceOverridesOnlyIn31() throws {
        let document = """
            info: {title: T, version: '1'}
            paths:
              /upload:
                post:
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: {type: object, properties: {file: {type: string, format: binary}}}
                        encoding:
                          file:
                            headers:
                              X-Tag: {$ref: '#/components/headers/Tag', description: Overridden}
                  responses: {'204': {description: ok}}
            components:
              headers:
                Tag: {description: Original, schema: {type: string}}
            """
        for (version, expected) in [("3.0.3", "Original"), ("3.1.0", "Overridden")] {
            let (module, diagnostics) = try resolve("openapi: \(version)\n" + document)
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            let part = try #require(module.operations.first?.requestBody?.multipartParts.first)
            #expect(part.headers.map(\.description) == [expected])
        }
    }

    /// A security scheme that is a reference to one that is a reference too is the scheme at the end; it used to
    /// be an error ("not a security scheme").
    @Test func aSecuritySchemeChainIsFollowed() throws {
        let (module, diagnostics) = try resolve(
            Self.header + """
                paths: {}
                components:
                  securitySchemes:
                    key: {type: apiKey, in: header, name: X-Key}
                    alias: {$ref: '#/components/securitySchemes/key'}
                    token: {$ref: '#/components/securitySchemes/alias'}
                """)
        #expect(!diagnostics.contains { $0.contains("error:") }, "\(diagnostics)")
        #expect(module.credentials.map(\.schemeName) == ["alias", "key", "token"])
        #expect(module.credentials.allSatisfy { $0.placement == .header("X-Key") })
    }
}
