import Foundation
import Testing

@testable import GeneratorCore

/// BR-23: text from a document can never leave the doc comment it is copied into.
@Suite struct CommentInjectionTests {
    @Test func markerLinesStayInsideComments() async throws {
        let document = TestPaths.cases.appendingPathComponent("BR-23.yaml")
        let options = Pipeline.Options(
            document: document, templates: TestPaths.templates,
            output: TestPaths.root.appendingPathComponent(".unused"),
            moduleName: "Injection", base: document.deletingLastPathComponent())
        let files = try await Pipeline(options: options, diagnostics: DiagnosticCollector()).render()
        var markers = 0
        for (name, text) in files {
            for line in text.split(separator: "\n") where line.contains("injected") {
                markers += 1
                #expect(line.trimmingCharacters(in: .whitespaces).hasPrefix("///"), "\(name): \(line)")
            }
        }
        // The operation's summary, a schema's description and the document's description each carry one.
        #expect(markers == 3)
        let echo = try #require(files["InjectionClient+Echo.swift"])
        #expect(echo.contains(#"request.headerFields["Content-Type"] = "application/octet-stream""#))
        #expect(echo.contains(#"request.headerFields["Accept"] = "*/*""#))
    }
}
