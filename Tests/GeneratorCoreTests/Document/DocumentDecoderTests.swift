import Foundation
import Testing

@testable import GeneratorCore

@Suite struct DocumentDecoderTests {
    func decodeRepositoryDocument() throws -> (OpenAPI.Document, [Diagnostic]) {
        let bytes = try Array(Data(contentsOf: TestPaths.document))
        let root = try #require(try YAMLParser(bytes: bytes).parse())
        let diagnostics = DiagnosticCollector()
        let document = try #require(DocumentDecoder(file: "openapi.yaml", diagnostics: diagnostics).decode(root))
        return (document, diagnostics.sorted)
    }

    @Test func decodesTheCambAIDocument() throws {
        let (document, _) = try decodeRepositoryDocument()
        #expect(document.version == "3.1.0")
        #expect(document.info.title == "FastAPI")
        #expect(document.info.version == "0.1.0")
        #expect(document.servers.map(\.url) == ["https://client.camb.ai/apis"])
        #expect(document.paths.map(\.path) == ["/dub-alt-format/{run_id}/{language}"])
        let (method, operation) = try #require(document.paths.first?.item.operations.first)
        #expect(method == .post)
        #expect(operation.operationID == "get_dubbed_output_in_alt_format_dub_alt_format__run_id___language__post")
        #expect(operation.summary == "Get Dubbed Output in Alt Format")
        #expect(operation.tags == ["Dub"])
        #expect(operation.responses.map(\.status) == ["200", "422"])
        #expect(operation.security?.first?.schemes.first?.name == "APIKeyHeader")
        #expect(document.security?.isEmpty == true)
        #expect(
            document.components.schemas.map(\.name) == [
                "RunIDParam", "Languages", "DubbedOutputInAltFormatRequestPayload", "DubAltFormatResponseBody",
                "TaskID",
                "HTTPValidationError", "AudioOutputType", "VideoOutputTypeWithoutAVI", "ValidationError",
            ])
        let languages = try #require(document.components.schemas.first { $0.name == "Languages" }?.schema)
        #expect(languages.types == ["integer"])
        #expect(languages.enumValues?.count == 148)
        #expect(languages.defaultValue?.scalar?.value == .integer(1))
        let validationError = try #require(document.components.schemas.first { $0.name == "ValidationError" }?.schema)
        #expect(validationError.required == ["loc", "msg", "type"])
        let loc = try #require(validationError.properties.first?.schema)
        #expect(loc.items?.anyOf.map(\.types) == [["string"], ["integer"]])
        let scheme = try #require(document.components.securitySchemes.first)
        guard case .value(let apiKey) = scheme.scheme else {
            Issue.record("expected a security scheme value")
            return
        }
        #expect(scheme.name == "APIKeyHeader")
        #expect(apiKey.type == "apiKey")
        #expect(apiKey.location == "header")
        #expect(apiKey.name == "x-api-key")
    }

    /// `output_url` has a `schema:` key, which is not JSON Schema (openapi.yaml line 234, column 11).
    @Test func warnsAboutTheSchemaKeywordInOutputURL() throws {
        let (_, diagnostics) = try decodeRepositoryDocument()
        #expect(
            diagnostics.map(\.description) == [
                "openapi.yaml:234:11: warning: 'schema' is not a JSON Schema keyword; it is ignored"
            ])
        #expect(
            diagnostics.first?.pointer == "#/components/schemas/DubAltFormatResponseBody/properties/output_url/schema")
    }

    @Test func reportsProblemsWithPositions() throws {
        let text = """
            openapi: 3.0.3
            info:
              title: T
              version: '1'
            paths:
              /a/{id}:
                get:
                  parameters:
                    - name: id
                      in: body
                  responses:
                    '200':
                      description: ok
                    '999':
                      description: no
                  operationID: typo
            """
        let root = try #require(try YAMLParser(bytes: Array(text.utf8)).parse())
        let diagnostics = DiagnosticCollector()
        _ = DocumentDecoder(file: "a.yaml", diagnostics: diagnostics).decode(root)
        #expect(
            diagnostics.sorted.map(\.description) == [
                "a.yaml:10:15: error: parameter location 'body' is not one of 'path', 'query', 'header', 'cookie'; "
                    + "OpenAPI 3 describes a request body with the operation's 'requestBody'",
                "a.yaml:14:9: error: response key '999' is not a status code, a range such as '4XX', or 'default'",
                "a.yaml:16:7: warning: 'operationID' is not an Operation Object field (did you mean 'operationId'?); "
                    + "it is ignored",
            ])
    }

    @Test func rejectsOtherVersions() throws {
        let root = try #require(try YAMLParser(bytes: Array("swagger: '2.0'\nopenapi: 2.0.0\n".utf8)).parse())
        let diagnostics = DiagnosticCollector()
        #expect(DocumentDecoder(file: "a.yaml", diagnostics: diagnostics).decode(root) == nil)
        #expect(
            diagnostics.sorted.map(\.description).contains(
                "a.yaml:2:10: error: OpenAPI version '2.0.0' is not supported; expected 3.0.x or 3.1.x"))
    }

    /// Found by fuzzing (Tests/Fixtures/fuzz/required-field-null.yaml): a required field whose value is null
    /// (`openapi:` followed by a comment) stopped the run with no diagnostic at all.
    @Test func aNullRequiredFieldIsAnError() throws {
        let cases = [
            (
                "openapi: ~\ninfo: {title: T, version: '1'}\npaths: {}\n",
                "a.yaml:1:10: error: expected 'openapi' to be a string, found null"
            ),
            (
                "openapi: 3.0.3\ninfo: {title: null, version: '1'}\npaths: {}\n",
                "a.yaml:2:15: error: expected 'title' to be a string, found null"
            ),
        ]
        for (text, expected) in cases {
            let root = try #require(try YAMLParser(bytes: Array(text.utf8)).parse())
            let diagnostics = DiagnosticCollector()
            _ = DocumentDecoder(file: "a.yaml", diagnostics: diagnostics).decode(root)
            #expect(diagnostics.sorted.map(\.description) == [expected])
        }
    }

    /// Lines 1 to 8 of the documents below: the header, and a component with a problem at 7:7, before the paths.
    static let componentWithAProblem = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        components:
          schemas:
            Pet:
              type: object
              frobnicate: true
        paths:

        """

    /// Decodes `text` on one thread or, for its components, two: the document, and the diagnostics in the order they
    /// were reported.
    static func decode(_ text: String, concurrently: Bool) throws -> (OpenAPI.Document, [String]) {
        let root = try #require(try YAMLParser(bytes: Array(text.utf8)).parse())
        let diagnostics = DiagnosticCollector()
        var decoder = DocumentDecoder(file: "a.yaml", diagnostics: diagnostics)
        decoder.decodesComponentsConcurrently = concurrently
        let document = try #require(decoder.decode(root))
        return (document, diagnostics.diagnostics.map(\.description))
    }

    /// A large document's components are decoded on a second thread while its paths are decoded
    /// (`decodesComponentsConcurrently`): the document and the diagnostics, in the order they were reported, are those
    /// of a decode on one thread. Here the components come first in the text, so that reporting the paths' problem
    /// first (as one thread does) differs from the order of the lines.
    @Test(arguments: [false, true]) func componentsDecodedConcurrentlyReportInTheSameOrder(concurrently: Bool) throws {
        let (document, diagnostics) = try Self.decode(
            Self.componentWithAProblem + "  pets:\n    get:\n      responses:\n        '200': {description: ok}\n",
            concurrently: concurrently)
        #expect(document.paths.map(\.path) == ["pets"])
        #expect(document.components.schemas.map(\.name) == ["Pet"])
        // The path's problem (line 9) first, then the component's (line 7).
        #expect(
            diagnostics == [
                "a.yaml:9:3: error: path 'pets' must start with '/'",
                "a.yaml:7:7: warning: 'frobnicate' is not a JSON Schema keyword; it is ignored",
            ])
    }

    /// On two threads the path items are decoded in blocks (`DocumentDecoder.pathBlockSize`) that either thread may
    /// claim: with 30 path items, four blocks, every one of them with a problem, the paths and the problems come in
    /// the order of the text, then the components' problem, as on one thread.
    @Test(arguments: [false, true]) func pathItemsDecodedInBlocksKeepTheirOrder(concurrently: Bool) throws {
        // Four lines per path item, from line 9.
        var text = Self.componentWithAProblem
        for number in 0..<30 {
            text += "  p\(number):\n    get:\n      responses:\n        '200': {description: ok}\n"
        }
        let (document, diagnostics) = try Self.decode(text, concurrently: concurrently)
        #expect(document.paths.map(\.path) == (0..<30).map { "p\($0)" })
        #expect(
            diagnostics
                == (0..<30).map { "a.yaml:\(9 + 4 * $0):3: error: path 'p\($0)' must start with '/'" } + [
                    "a.yaml:7:7: warning: 'frobnicate' is not a JSON Schema keyword; it is ignored"
                ])
    }

    /// `decode(_:alongside:)` runs its work exactly once beside the decode, on two threads or one, and whatever the
    /// document: one with components (which a concurrent decode takes), one without, and a root that is no mapping
    /// (the decode stops at once). The document and the diagnostics are those of `decode(_:)`.
    @Test(arguments: [false, true]) func workBesideTheDecodeRunsOnce(concurrently: Bool) throws {
        let withComponents =
            Self.componentWithAProblem + "  p0:\n    get:\n      responses:\n        '200': {description: ok}\n"
        let texts = [
            withComponents, "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n", "- not a mapping\n",
        ]
        for text in texts {
            let root = try #require(try YAMLParser(bytes: Array(text.utf8)).parse())
            let alone = DiagnosticCollector()
            var decoder = DocumentDecoder(file: "a.yaml", diagnostics: alone)
            decoder.decodesComponentsConcurrently = concurrently
            let expected = decoder.decode(root)
            let beside = DiagnosticCollector()
            decoder = DocumentDecoder(file: "a.yaml", diagnostics: beside)
            decoder.decodesComponentsConcurrently = concurrently
            var runs = 0
            let document = decoder.decode(root, alongside: { runs += 1 })
            #expect(runs == 1, "\(text)")
            #expect(document?.paths.map(\.path) == expected?.paths.map(\.path))
            #expect(document?.components.schemas.map(\.name) == expected?.components.schemas.map(\.name))
            #expect(beside.diagnostics.map(\.description) == alone.diagnostics.map(\.description))
        }
    }
}
