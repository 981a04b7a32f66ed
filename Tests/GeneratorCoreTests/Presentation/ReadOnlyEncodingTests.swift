import Foundation
import Testing

@testable import GeneratorCore

/// Read-only properties are the server's: `encode(to:)` never writes them, and a struct whose every property is
/// read-only opens no keyed container there (an unused `var container` is a compiler warning in every such type:
/// DigitalOcean's client had 100 of them).
@Suite struct ReadOnlyEncodingTests {
    @Test func aStructWithOnlyReadOnlyPropertiesOpensNoContainerToEncode() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("openapi.yaml")
        try Data(
            """
            openapi: 3.0.3
            info: {title: ReadOnly, version: "1"}
            paths: {}
            components:
              schemas:
                Alert:
                  type: object
                  properties:
                    id: {type: string, readOnly: true}
                Mixed:
                  type: object
                  properties:
                    id: {type: string, readOnly: true}
                    name: {type: string}

            """.utf8
        ).write(to: document)
        let options = Pipeline.Options(
            document: document, templates: TestPaths.templates, output: folder.appendingPathComponent("Out"),
            moduleName: "ReadOnly", base: folder)
        let files = try await Pipeline(options: options, diagnostics: DiagnosticCollector()).render()
        func encodeBody(_ file: String) throws -> String {
            let text = try #require(files[file])
            let start = try #require(text.range(of: "func encode(to encoder: any Encoder) throws {"))
            let end = try #require(text.range(of: "\n    }\n", range: start.upperBound..<text.endIndex))
            return String(text[start.upperBound..<end.lowerBound])
        }
        #expect(
            try encodeBody("Alert.swift")
                == "\n        try encoder.encodeAdditionalProperties(self.additionalProperties)")
        #expect(
            try encodeBody("Mixed.swift")
                == """

                        var container = encoder.container(keyedBy: CodingKeys.self)
                        try container.encodeIfPresent(self.name, forKey: .name)
                        try encoder.encodeAdditionalProperties(self.additionalProperties)
                """)
        // Decoding still reads the read-only property.
        #expect(
            files["Alert.swift"]?.contains("self.id = try container.decodeIfPresent(String.self, forKey: .id)") == true)
    }
}
