import Foundation
import Testing

@testable import GeneratorCore

/// Each broken document of `Tests/Fixtures/diagnostics/` gives exactly the diagnostic lines of the
/// `<name>.expected` beside it (paths relative to that folder, sorted by file and position), and generation
/// fails exactly when one of them is an error. `<name>.config.yaml`, when present, is the configuration file.
@Suite struct DiagnosticFixturesTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("diagnostics")

    static let documents: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { ($0.hasSuffix(".yaml") && !$0.hasSuffix(".config.yaml")) || $0.hasSuffix(".json") }
            .sorted()
    }()

    @Test func theFolderCoversEveryKindAsked() {
        #expect(Self.documents.count >= 25)
    }

    @Test(arguments: documents) func diagnosticsMatchTheExpectedLines(_ name: String) async throws {
        let document = Self.folder.appendingPathComponent(name)
        let stem = document.deletingPathExtension().lastPathComponent
        let expectedText = try String(
            contentsOf: Self.folder.appendingPathComponent("\(stem).expected"), encoding: .utf8)
        let expected = expectedText.split(separator: "\n").map(String.init)
        let configuration = Self.folder.appendingPathComponent("\(stem).config.yaml")
        let output = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let diagnostics = DiagnosticCollector()
        let options = Pipeline.Options(
            document: document, templates: TestPaths.templates, output: output,
            configuration: FileManager.default.fileExists(atPath: configuration.path) ? configuration : nil,
            base: Self.folder)
        let failed: Bool
        do {
            _ = try await Pipeline(options: options, diagnostics: diagnostics).render()
            failed = false
        } catch {
            failed = true
            // The error carries every error reported, in the same order.
            #expect(error.diagnostics.map(\.description) == expected.filter { $0.contains(": error: ") })
        }
        #expect(diagnostics.sorted.map(\.description) == expected)
        #expect(failed == expected.contains { $0.contains(": error: ") })
    }
}
