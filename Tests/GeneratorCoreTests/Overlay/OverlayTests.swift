import Foundation
import Testing

@testable import GeneratorCore

/// RFC 9535 queries over a small tree, with the selected paths worked out by hand.
@Suite struct JSONPathTests {
    static let tree = """
        paths:
          /pets:
            get: {operationId: listPets, deprecated: true, tags: [pets, read]}
            post: {operationId: createPet, x-rank: 2}
          /pets/{id}:
            get: {operationId: showPet, x-rank: 5}
        components:
          schemas:
            Pet: {type: object, properties: {id: {type: integer}, name: {type: string}}}
            Error: {type: object, properties: {code: {type: integer}}}
        """

    func select(_ query: String) throws -> [String] {
        let root = try #require(try YAMLParser(bytes: Array(Self.tree.utf8)).parse())
        return try JSONPath(parsing: query).select(in: root).map { path in
            path.map {
                switch $0 {
                case .key(let key): key
                case .index(let index): "[\(index)]"
                }
            }.joined(separator: "/")
        }
    }

    @Test(
        arguments: [
            // Names, in dot and bracket notation (a bracket name may hold '/' and braces).
            ("$.components.schemas.Pet.type", ["components/schemas/Pet/type"]),
            ("$['paths']['/pets/{id}'].get.operationId", ["paths//pets/{id}/get/operationId"]),
            (#"$["components"]["schemas"]"#, ["components/schemas"]),
            ("$.components.schemas.Missing", []),
            // Wildcards: every member of a mapping, every item of a sequence, in document order.
            ("$.components.schemas.*", ["components/schemas/Pet", "components/schemas/Error"]),
            ("$.paths['/pets'].get.tags[*]", ["paths//pets/get/tags/[0]", "paths//pets/get/tags/[1]"]),
            // Indexes, from the end when negative; out of range selects nothing.
            ("$.paths['/pets'].get.tags[0]", ["paths//pets/get/tags/[0]"]),
            ("$.paths['/pets'].get.tags[-1]", ["paths//pets/get/tags/[1]"]),
            ("$.paths['/pets'].get.tags[2]", []),
            // Several selectors in one bracket, in the order written.
            ("$.components.schemas['Error','Pet']", ["components/schemas/Error", "components/schemas/Pet"]),
            // Descent: the node and everything below it, parents first.
            (
                "$..properties.*.type",
                [
                    "components/schemas/Pet/properties/id/type", "components/schemas/Pet/properties/name/type",
                    "components/schemas/Error/properties/code/type",
                ]
            ),
            (
                "$.paths..operationId",
                ["paths//pets/get/operationId", "paths//pets/post/operationId", "paths//pets/{id}/get/operationId"]
            ),
            // Filters over the children of the selected node.
            ("$.paths.*[?@.operationId == 'createPet']", ["paths//pets/post"]),
            ("$.paths.*[?@.operationId != 'createPet']", ["paths//pets/get", "paths//pets/{id}/get"]),
            ("$.paths.*[?@.deprecated]", ["paths//pets/get"]),
            ("$.paths.*[?!@.deprecated]", ["paths//pets/post", "paths//pets/{id}/get"]),
            ("$.paths.*[?@['x-rank'] > 2]", ["paths//pets/{id}/get"]),
            ("$.paths.*[?@['x-rank'] >= 2 && @.operationId != 'showPet']", ["paths//pets/post"]),
            ("$.paths.*[?@.deprecated == true || @['x-rank'] == 5]", ["paths//pets/get", "paths//pets/{id}/get"]),
            ("$.components.schemas[?@.properties.code]", ["components/schemas/Error"]),
            (
                "$..[?@.type == 'integer']",
                ["components/schemas/Pet/properties/id", "components/schemas/Error/properties/code"]
            ),
        ] as [(String, [String])])
    func selects(_ query: String, _ expected: [String]) throws {
        #expect(try select(query) == expected)
    }

    @Test(
        arguments: [
            ("components", "a query starts with '$'", 0),
            ("$.paths[", "expected a selector", 8),
            ("$.paths['/pets'", "expected ']' or ','", 15),
            ("$.paths['/pets]", "the string is not closed with '", 15),
            ("$.items[1:3]", "array slices are not supported; use indexes", 9),
            ("$.paths[?length(@) > 1]", "expected '@', '$' or a literal", 9),
            ("$.a b", "unexpected 'b'", 4),
        ] as [(String, String, Int)])
    func reportsWhereAQueryIsWrong(_ query: String, _ message: String, _ offset: Int) {
        #expect(throws: JSONPath.ParseError(message: message, offset: offset)) { try JSONPath(parsing: query) }
    }
}

/// Overlay actions applied to a document before it is decoded.
@Suite struct OverlayTests {
    static let document = """
        openapi: 3.1.0
        info: {title: Pets, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200': {description: ok}
          /internal:
            get:
              operationId: internalThing
              responses:
                '200': {description: ok}
        components:
          schemas:
            Size:
              type: integer
              enum: [1, 2, 3]
            Pet:
              type: object
              required: [name]
              properties:
                name: {type: string}
                homepage: {type: string, description: a web page}
        """

    /// Writes the document and an overlay to a folder and runs the pipeline up to the IR.
    func resolve(overlay: String) throws -> (module: IR.Module?, diagnostics: [String]) {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.document.utf8).write(to: folder.appendingPathComponent("openapi.yaml"))
        try Data(overlay.utf8).write(to: folder.appendingPathComponent("fix.overlay.yaml"))
        let diagnostics = DiagnosticCollector()
        let options = Pipeline.Options(
            document: folder.appendingPathComponent("openapi.yaml"), templates: TestPaths.templates,
            output: folder.appendingPathComponent("out"), overlays: [folder.appendingPathComponent("fix.overlay.yaml")],
            base: folder)
        let pipeline = Pipeline(options: options, diagnostics: diagnostics)
        var root = try #require(try pipeline.parse(options.document))
        pipeline.applyOverlays(options.overlays, to: &root)
        let document = DocumentDecoder(file: "openapi.yaml", diagnostics: diagnostics).decode(root)
        let module = document.map {
            ModuleResolver(configuration: GeneratorConfiguration(), file: "openapi.yaml", diagnostics: diagnostics)
                .resolve($0)
        }
        return (module, diagnostics.sorted.map(\.description))
    }

    static let header = "overlay: 1.0.0\ninfo: {title: Fixes, version: '1'}\n"

    @Test func updatesMergeRemoveDeletesAndSequencesGrow() throws {
        let (module, diagnostics) = try resolve(
            overlay: Self.header + """
                actions:
                  - target: $.components.schemas.Pet.properties.homepage
                    update: {format: uri}
                  - target: $.components.schemas.Pet.required
                    update: homepage
                  - target: $.paths['/internal']
                    remove: true
                  - target: $.components.schemas.Size
                    update:
                      x-enum-varnames: [small, medium, large]
                      x-enum-descriptions: [Fits a hand, Fits a lap, Fits a sofa]
                """)
        #expect(diagnostics == [])
        let resolved = try #require(module)
        #expect(resolved.operations.map(\.functionName) == ["listPets"])
        guard case .structure(let pet)? = resolved.type("Pet") else {
            Issue.record("Pet is not a struct")
            return
        }
        #expect(pet.properties.map(\.jsonName) == ["name", "homepage"])
        #expect(pet.properties.map(\.type) == [.string, .url])
        #expect(pet.properties.map(\.isRequired) == [true, true])
        guard case .enumeration(let size)? = resolved.type("Size") else {
            Issue.record("Size is not an enum")
            return
        }
        #expect(size.cases.map(\.swiftName) == ["small", "medium", "large"])
        #expect(size.cases.map(\.description) == ["Fits a hand", "Fits a lap", "Fits a sofa"])
    }

    @Test func targetsThatMatchNothingAreWarningsAtTheirPosition() throws {
        let (module, diagnostics) = try resolve(
            overlay: Self.header + """
                actions:
                  - target: $.components.schemas.Dog
                    remove: true
                  - target: "$.paths[?@.get.operationId == 'gone']"
                    update: {x-gone: true}
                """)
        #expect(module != nil)
        #expect(
            diagnostics == [
                "fix.overlay.yaml:4:13: warning: overlay target '$.components.schemas.Dog' matches nothing in "
                    + "'openapi.yaml'; the action is skipped",
                "fix.overlay.yaml:6:13: warning: overlay target '$.paths[?@.get.operationId == 'gone']' matches "
                    + "nothing in 'openapi.yaml'; the action is skipped",
            ])
    }

    @Test func malformedOverlaysAreErrorsAtTheirPosition() throws {
        let (_, diagnostics) = try resolve(
            overlay: """
                overlay: 2.0.0
                info: {title: Fixes, version: '1'}
                actions:
                  - target: $.paths[1:2]
                    remove: true
                  - target: "$.paths['/pets"
                    remove: true
                  - target: $.info.title
                    update: {x: 1}
                """)
        #expect(
            diagnostics == [
                "fix.overlay.yaml:1:10: error: Overlay version '2.0.0' is not supported; expected 1.0.x",
                // The column of the problem inside the target: after the quote, at the offset in the text.
                "fix.overlay.yaml:4:22: error: invalid JSONPath '$.paths[1:2]': array slices are not supported; use indexes",
                "fix.overlay.yaml:6:28: error: invalid JSONPath '$.paths['/pets': the string is not closed with '",
            ])
    }

    @Test func updatingAScalarIsAnError() throws {
        let (_, diagnostics) = try resolve(
            overlay: Self.header + """
                actions:
                  - target: $.info.title
                    update: {x: 1}
                """)
        #expect(
            diagnostics == [
                "fix.overlay.yaml:4:13: error: overlay target '$.info.title' selects a string; Overlay 1.0 updates only "
                    + "mappings and sequences (target the mapping that holds it)"
            ])
    }

    @Test func namesOfAnotherLengthThanTheEnumAreAWarning() throws {
        let (_, diagnostics) = try resolve(
            overlay: Self.header + """
                actions:
                  - target: $.components.schemas.Size
                    update: {x-enum-varnames: [small, medium]}
                """)
        #expect(
            diagnostics == [
                "fix.overlay.yaml:5:31: warning: 'x-enum-varnames' has 2 items for the 3 values of 'enum'; they are "
                    + "matched by position, so values past the shorter list get no name from it"
            ])
    }
}

/// This repository's own overlay: what the published CAMB.AI document lacks.
@Suite struct CambAIOverlayTests {
    func resolveCambAI(configuration: URL?) async throws -> (IR.Module, [String]) {
        let diagnostics = DiagnosticCollector()
        var options = Pipeline.Options(
            document: TestPaths.document, templates: TestPaths.templates, output: TestPaths.generated,
            configuration: configuration, base: TestPaths.root)
        options.overlays = []
        let pipeline = Pipeline(options: options, diagnostics: diagnostics)
        var root = try #require(try pipeline.parse(options.document))
        let configuration = try pipeline.loadConfiguration()
        pipeline.applyOverlays(configuration.overlays, to: &root)
        let document = try #require(DocumentDecoder(file: "openapi.yaml", diagnostics: diagnostics).decode(root))
        let module = ModuleResolver(configuration: configuration, file: "openapi.yaml", diagnostics: diagnostics)
            .resolve(document)
        return (module, diagnostics.sorted.map(\.description))
    }

    @Test func overlayTypesTheURLAndNamesTheLanguages() async throws {
        let (module, diagnostics) = try await resolveCambAI(configuration: nil)
        #expect(diagnostics == [])
        guard case .structure(let body)? = module.type("DubAltFormatResponseBody") else {
            Issue.record("DubAltFormatResponseBody is not a struct")
            return
        }
        #expect(body.properties.map(\.type) == [.url])
        guard case .enumeration(let languages)? = module.type("Languages") else {
            Issue.record("Languages is not an enum")
            return
        }
        // 1 = en-us and 140 = zh-cn-henan in shared/seed/camb-languages.tsv.
        #expect(languages.cases.first?.swiftName == "enUS")
        #expect(languages.cases.first?.description == "English (United States)")
        #expect(languages.cases.first { $0.rawValue == "140" }?.swiftName == "zhCNHenan")
    }

    /// Without the overlay, the document's own problems come back: the untyped `output_url` and the `schema:` key
    /// beside it (lines 231 and 234 of openapi.yaml).
    @Test func withoutTheOverlayTheDocumentsProblemsShow() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = folder.appendingPathComponent("openapi-codegen.yaml")
        try Data("moduleName: CambAI\n".utf8).write(to: configuration)
        let (module, diagnostics) = try await resolveCambAI(configuration: configuration)
        #expect(
            diagnostics == [
                "openapi.yaml:231:11: warning: schema has no 'type'; using JSONValue, which accepts any JSON",
                "openapi.yaml:234:11: warning: 'schema' is not a JSON Schema keyword; it is ignored",
            ])
        guard case .enumeration(let languages)? = module.type("Languages") else {
            Issue.record("Languages is not an enum")
            return
        }
        #expect(languages.cases.first?.swiftName == "value1")
    }
}
