import Foundation

@testable import GeneratorCore

/// Runs the pipeline up to rendering on a document in memory (named `openapi.yaml` in diagnostics), the way
/// the fuzz target does, with the real templates.
func renderInMemory(_ bytes: [UInt8], renderer: TemplateRenderer) -> (
    files: [String: String]?, diagnostics: [Diagnostic]
) {
    let folder = URL(fileURLWithPath: "/nonexistent-openapi-codegen-tests", isDirectory: true)
    let options = Pipeline.Options(
        document: folder.appendingPathComponent("openapi.yaml"), templates: TestPaths.templates,
        output: folder.appendingPathComponent("Generated"), base: folder)
    let diagnostics = DiagnosticCollector()
    let files = try? Pipeline(options: options, diagnostics: diagnostics).render(bytes: bytes, with: renderer)
    return (files, diagnostics.sorted)
}

func loadTemplates() async throws -> TemplateRenderer {
    try await TemplateRenderer(directory: TestPaths.templates, displayPath: "Templates")
}
