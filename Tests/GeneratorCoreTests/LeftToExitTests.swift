import Foundation
import Testing

@testable import GeneratorCore

/// `Pipeline.Options.leavesCleanupToExit`: the command line's runs leave their large values to the process exit;
/// every other run frees them as usual, and both generate the same files.
@Suite struct LeftToExitTests {
    @Test func onlyAnExitingRunKeepsItsValuesAndTheOutputIsTheSame() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = Pipeline.Options(
            document: TestPaths.document, templates: TestPaths.templates, output: folder.appendingPathComponent("Out"),
            base: TestPaths.root)
        let before = LeftToExit.count
        let freed = try await Pipeline(options: options, diagnostics: DiagnosticCollector()).render()
        // The default, for tests, plugins and every process that runs again: nothing is kept.
        #expect(LeftToExit.count == before)
        options.leavesCleanupToExit = true
        let kept = try await Pipeline(options: options, diagnostics: DiagnosticCollector()).render()
        // Two values: after presenting (tree, document, IR, presenter), after rendering (jobs, templates, texts).
        #expect(LeftToExit.count == before + 2)
        #expect(kept == freed)
        #expect(kept["CambAIClient.swift"] != nil)
    }
}
