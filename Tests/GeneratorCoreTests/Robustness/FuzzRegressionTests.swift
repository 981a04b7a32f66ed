import Foundation
import Testing

@testable import GeneratorCore

/// Every input in `Tests/Fixtures/fuzz/` once crashed the generator (or made it hang, or fail without saying
/// why) under `.ci/fuzz`. Each must now end in a normal result, or in errors that point at a line and column
/// of the document. The fixes have their own unit tests with exact expectations; this keeps the inputs.
@Suite struct FuzzRegressionTests {
    static let folder = TestPaths.root.appendingPathComponent("Tests/Fixtures/fuzz")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
    }

    @Test func theFolderHasInputs() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs) func endsInAResultOrPositionedErrors(name: String) async throws {
        let bytes = try Array(Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let (files, diagnostics) = renderInMemory(bytes, renderer: try await loadTemplates())
        let errors = diagnostics.filter { $0.severity == .error }
        if files == nil {
            #expect(!errors.isEmpty, "\(name) failed without an error")
        } else {
            #expect(errors.isEmpty)
        }
        for error in errors {
            #expect(error.location?.file == "openapi.yaml" && error.location?.mark != nil, "\(error)")
        }
    }

    /// The input behind `DocumentDecoderTests.aNullRequiredFieldIsAnError`: `openapi: #.0.3` is null.
    @Test func requiredFieldNull() async throws {
        let bytes = try Array(Data(contentsOf: Self.folder.appendingPathComponent("required-field-null.yaml")))
        let (files, diagnostics) = renderInMemory(bytes, renderer: try await loadTemplates())
        #expect(files == nil)
        #expect(
            diagnostics.filter { $0.severity == .error }.map(\.message) == [
                "expected 'openapi' to be a string, found null"
            ])
    }
}
