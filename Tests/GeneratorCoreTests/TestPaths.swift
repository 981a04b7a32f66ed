import Foundation

@testable import GeneratorCore

/// Paths of this repository, found from this file's location.
enum TestPaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let document = root.appendingPathComponent("openapi.yaml")
    static let templates = root.appendingPathComponent("Templates")
    static let generated = root.appendingPathComponent("Generated")
    static let fixtures = root.appendingPathComponent("Tests/Fixtures")
    /// Copies of the field cases of `shared/cases`, each with a first line naming its source.
    static let cases = fixtures.appendingPathComponent("cases")
    /// The project's shared material, when it sits beside the checkout: optional extra inputs only, never
    /// required (a clone has no `../shared`).
    static let shared = root.appendingPathComponent("../shared").standardizedFileURL

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "openapi-codegen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// How many `.mustache` files `Templates/` holds, partials included: what an export writes.
    static var templateFileCount: Int {
        let files = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil)
        return (files?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "mustache" }.count
    }
}

/// Runs the pipeline up to rendering on a document written to a temporary folder.
func render(
    document text: String, fileName: String = "openapi.yaml", configuration: String? = nil,
    templates: URL = TestPaths.templates
) async throws -> (files: [String: String]?, diagnostics: [Diagnostic]) {
    let folder = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let document = folder.appendingPathComponent(fileName)
    try Data(text.utf8).write(to: document)
    if let configuration {
        try Data(configuration.utf8).write(to: folder.appendingPathComponent("openapi-codegen.yaml"))
    }
    let diagnostics = DiagnosticCollector()
    let options = Pipeline.Options(
        document: document, templates: templates, output: folder.appendingPathComponent("out"), base: folder)
    let files = try? await Pipeline(options: options, diagnostics: diagnostics).render()
    return (files, diagnostics.sorted)
}
