import Foundation
import Testing

@testable import GeneratorCore

/// Documents in several files (`Tests/Fixtures/compile/multifile.yaml` and its folder): which files are read,
/// names that do not depend on the order files are read in, and `--check` seeing a change in another file. The
/// generated code itself is compiled and checked by `GeneratedCodeCompilesTests` (`multifile.checks.swift`).
@Suite struct MultiFileDocumentTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("compile/multifile.yaml")

    /// A copy of the fixture and its folder in a temporary folder, with the document's text replaced when given.
    func copyOfFixture(document text: String? = nil) throws -> (folder: URL, document: URL) {
        let folder = try TestPaths.temporaryFolder()
        let source = Self.fixture.deletingLastPathComponent()
        try FileManager.default.copyItem(
            at: source.appendingPathComponent("multifile"), to: folder.appendingPathComponent("multifile"))
        let document = folder.appendingPathComponent("multifile.yaml")
        if let text {
            try Data(text.utf8).write(to: document)
        } else {
            try FileManager.default.copyItem(at: Self.fixture, to: document)
        }
        return (folder, document)
    }

    func render(_ document: URL, base: URL) async throws -> (files: [String: String], diagnostics: [String]) {
        let diagnostics = DiagnosticCollector()
        let options = Pipeline.Options(
            document: document, templates: TestPaths.templates, output: base.appendingPathComponent("Out"),
            moduleName: "Multi", base: base)
        let files = try await Pipeline(options: options, diagnostics: diagnostics).render()
        return (files, diagnostics.sorted.map(\.description))
    }

    @Test func everyFileTheDocumentNamesIsReadOnce() throws {
        let bytes = Array(try Data(contentsOf: Self.fixture))
        let root = try #require(try YAMLParser(bytes: bytes).parse())
        var bundler = ReferenceBundler(
            rootURL: Self.fixture, diagnostics: DiagnosticCollector(), display: { $0.lastPathComponent })
        _ = bundler.bundle(root)
        let folder = Self.fixture.deletingLastPathComponent().appendingPathComponent("multifile")
        #expect(
            bundler.loadedFiles.map(\.path) == [
                Self.fixture.path,
                folder.appendingPathComponent("models.yaml").path,
                folder.appendingPathComponent("operations/getPet.yaml").path,
                folder.appendingPathComponent("parameters.yaml").path,
                folder.appendingPathComponent("schemas/pet.yaml").path,
            ])
    }

    @Test func theOperationReferenceIsFollowedWithOneNote() async throws {
        let folder = Self.fixture.deletingLastPathComponent()
        let (files, diagnostics) = try await render(Self.fixture, base: folder)
        #expect(
            diagnostics == [
                "multifile.yaml:10:13: note: a '$ref' stands where OpenAPI allows none (in place of an Operation "
                    + "Object or of a map of properties); it was followed"
            ])
        // The component names: the whole file schemas/pet.yaml is `Pet`, models.yaml's `Tag` is `Tag2` beside the
        // document's own `Tag`, and `Owner` and `Color` keep their component names.
        for name in ["Pet", "Owner", "Tag", "Tag2", "Color"] {
            #expect(files["\(name).swift"] != nil, "\(name).swift")
        }
        #expect(files["Tag.swift"]?.contains("public var label: String") == true)
        #expect(files["Tag2.swift"]?.contains("public var color: Color?") == true)
    }

    /// A document of 256 KiB or more is decoded while the bundle walks it (`Pipeline.present`), before it is known
    /// whether the bundle changes it; this one's it does, so its tree is decoded again once bundled. A comment at its
    /// end pads the fixture to that size: the files and the diagnostics are the fixture's.
    @Test func aLargeDocumentInSeveralFilesIsDecodedOnceBundled() async throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let padded = text + "# " + String(repeating: "-", count: 300_000) + "\n"
        #expect(YAMLParser.parsesOnTwoThreads(size: padded.utf8.count) == YAMLParser.hasCoreForParsing)
        let (folder, document) = try copyOfFixture(document: padded)
        let large = try await render(document, base: folder)
        let small = try await render(Self.fixture, base: Self.fixture.deletingLastPathComponent())
        #expect(large.files.count == small.files.count)
        #expect(large.files == small.files)
        #expect(large.diagnostics == small.diagnostics)
        #expect(large.files["Pet.swift"] != nil)
    }

    /// In a large document in one file, what the bundle reports comes first, and an error there stops the run
    /// before anything the decode found is reported, as when the bundle runs first: a remote reference (an error of
    /// the bundle) beside a keyword JSON Schema does not have (a warning of the decode). Without the remote
    /// reference, the warning is reported.
    @Test func aLargeDocumentStopsAtTheBundlesError() async throws {
        func document(pet: String) -> String {
            """
            openapi: 3.0.3
            info: {title: Large, version: '1'}
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Pet'}
            components:
              schemas:
                Pet:
            \(pet)
                  frobnicate: true

            """ + "# " + String(repeating: "-", count: 300_000) + "\n"
        }
        let folder = try TestPaths.temporaryFolder()
        let url = folder.appendingPathComponent("large.yaml")
        try Data(document(pet: "      $ref: 'https://example.com/pet.yaml'").utf8).write(to: url)
        do {
            _ = try await render(url, base: folder)
            Issue.record("a remote reference was followed")
        } catch let error as GenerationError {
            #expect(
                error.diagnostics.map(\.description) == [
                    "large.yaml:15:13: error: reference 'https://example.com/pet.yaml' is remote; openapi-codegen reads no "
                        + "network: download the file and refer to it by a relative path"
                ])
        }
        try Data(document(pet: "      type: object").utf8).write(to: url)
        let (files, diagnostics) = try await render(url, base: folder)
        #expect(files["Pet.swift"] != nil)
        #expect(diagnostics == ["large.yaml:16:7: warning: 'frobnicate' is not a JSON Schema keyword; it is ignored"])
    }

    /// The document with its paths in the opposite order reads the other files in another order: the names stay.
    @Test func namesDoNotDependOnTheOrderFilesAreRead() async throws {
        let reordered = """
            openapi: 3.0.3
            info: {title: Multi, version: "1.0"}
            paths:
              /tags:
                get:
                  operationId: listTags
                  responses:
                    '200':
                      description: this document's tags
                      content:
                        application/json:
                          schema:
                            type: array
                            items: {$ref: '#/components/schemas/Tag'}
              /owners:
                get:
                  operationId: listOwners
                  responses:
                    '200':
                      description: every owner
                      content:
                        application/json:
                          schema:
                            type: array
                            items: {$ref: './multifile/models.yaml#/components/schemas/Owner'}
              /pets/{id}:
                get:
                  $ref: 'multifile/operations/getPet.yaml'
            components:
              schemas:
                Tag:
                  type: object
                  required: [label]
                  properties:
                    label: {type: string}

            """
        let original = try copyOfFixture()
        let other = try copyOfFixture(document: reordered)
        defer {
            try? FileManager.default.removeItem(at: original.folder)
            try? FileManager.default.removeItem(at: other.folder)
        }
        let first = try await render(original.document, base: original.folder).files
        let second = try await render(other.document, base: other.folder).files
        #expect(first.keys.sorted() == second.keys.sorted())
        for name in ["Pet.swift", "Owner.swift", "Tag.swift", "Tag2.swift", "Color.swift"] {
            #expect(first[name] != nil && first[name] == second[name], "\(name)")
        }
    }

    /// Two other files with a component of the same name: the first by file name keeps it, whichever the document
    /// names first.
    @Test func collidingNamesOfTwoFilesAreDecidedByFileName() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            "components: {schemas: {Item: {type: object, required: [fromA], properties: {fromA: {type: string}}}}}\n"
                .utf8
        ).write(to: folder.appendingPathComponent("a.yaml"))
        try Data(
            "components: {schemas: {Item: {type: object, required: [fromB], properties: {fromB: {type: string}}}}}\n"
                .utf8
        ).write(to: folder.appendingPathComponent("b.yaml"))
        func document(_ first: String, _ second: String) -> String {
            """
            openapi: 3.0.3
            info: {title: Items, version: "1.0"}
            paths:
              /one:
                get:
                  operationId: one
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '\(first).yaml#/components/schemas/Item'}
              /two:
                get:
                  operationId: two
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '\(second).yaml#/components/schemas/Item'}

            """
        }
        for (first, second) in [("a", "b"), ("b", "a")] {
            let url = folder.appendingPathComponent("openapi.yaml")
            try Data(document(first, second).utf8).write(to: url)
            let files = try await render(url, base: folder).files
            #expect(files["Item.swift"]?.contains("public var fromA: String") == true, "a.yaml's Item is Item")
            #expect(files["Item2.swift"]?.contains("public var fromB: String") == true, "b.yaml's Item is Item2")
        }
    }

    /// Names that begin with `x-` in maps of names (DigitalOcean's `x-request-id` response header, a property
    /// `x-trace`) are names, not extensions: their references to other files are followed like any other.
    @Test func namesBeginningWithXDashInMapsAreFollowed() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            """
            x-request-id:
              description: The request's identifier.
              schema: {type: string}
            Trace:
              type: object
              properties:
                span: {type: string}

            """.utf8
        ).write(to: folder.appendingPathComponent("shared.yaml"))
        let url = folder.appendingPathComponent("openapi.yaml")
        try Data(
            """
            openapi: 3.0.3
            info: {title: Things, version: "1.0"}
            paths:
              /things:
                get:
                  operationId: listThings
                  responses:
                    '200':
                      description: ok
                      headers:
                        x-request-id: {$ref: 'shared.yaml#/x-request-id'}
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              x-trace: {$ref: 'shared.yaml#/Trace'}

            """.utf8
        ).write(to: url)
        let root = try #require(try YAMLParser(bytes: Array(try Data(contentsOf: url))).parse())
        var bundler = ReferenceBundler(
            rootURL: url, diagnostics: DiagnosticCollector(), display: { $0.lastPathComponent })
        let bundled = bundler.bundle(root)
        let response = bundled["paths"]?["/things"]?["get"]?["responses"]?["200"]
        #expect(response?["headers"]?["x-request-id"]?["$ref"]?.scalar?.text == "#/components/headers/x-request-id")
        #expect(
            response?["content"]?["application/json"]?["schema"]?["properties"]?["x-trace"]?["$ref"]?.scalar?.text
                == "#/components/schemas/Trace")
        #expect(bundled["components"]?["headers"]?["x-request-id"]?["schema"]?["type"]?.scalar?.text == "string")
        #expect(bundled["components"]?["schemas"]?["Trace"]?["properties"]?["span"] != nil)
        // Generation says nothing: before, the header was left external with a warning.
        #expect(try await render(url, base: folder).diagnostics == [])
    }

    /// `--check` compares the output with what every file gives: a change in another file makes it stale.
    @Test func aChangeInAnotherFileMakesTheOutputStale() async throws {
        let copy = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: copy.folder) }
        let output = copy.folder.appendingPathComponent("Out")
        let options = Pipeline.Options(
            document: copy.document, templates: TestPaths.templates, output: output, moduleName: "Multi",
            base: copy.folder)
        _ = try await Pipeline(options: options, diagnostics: DiagnosticCollector()).generate()
        #expect(try await Pipeline(options: options, diagnostics: DiagnosticCollector()).check().isUpToDate)
        let pet = copy.folder.appendingPathComponent("multifile/schemas/pet.yaml")
        let text = try String(contentsOf: pet, encoding: .utf8) + "  nickname: {type: string}\n"
        try Data(text.utf8).write(to: pet)
        let report = try await Pipeline(options: options, diagnostics: DiagnosticCollector()).check()
        #expect(report.written == ["Pet.swift"])
    }

    /// The no-op short cut (the manifest in the output folder) knows the other files too: an edit to one of
    /// them regenerates, and an unchanged set of files skips generation.
    @Test func regenerationNoticesAChangeInAnotherFile() async throws {
        let copy = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: copy.folder) }
        let output = copy.folder.appendingPathComponent("Out")
        let options = Pipeline.Options(
            document: copy.document, templates: TestPaths.templates, output: output, moduleName: "Multi",
            base: copy.folder)
        _ = try await Pipeline(options: options, diagnostics: DiagnosticCollector()).generate()
        let unchanged = try await Pipeline(options: options, diagnostics: DiagnosticCollector()).generate()
        #expect(unchanged.skippedGeneration && unchanged.written.isEmpty)
        let pet = copy.folder.appendingPathComponent("multifile/schemas/pet.yaml")
        let text = try String(contentsOf: pet, encoding: .utf8) + "  nickname: {type: string}\n"
        try Data(text.utf8).write(to: pet)
        let changed = try await Pipeline(options: options, diagnostics: DiagnosticCollector()).generate()
        #expect(!changed.skippedGeneration)
        #expect(changed.written == ["Pet.swift"])
        #expect(
            try String(contentsOf: output.appendingPathComponent("Pet.swift"), encoding: .utf8).contains("nickname"))
    }
}
