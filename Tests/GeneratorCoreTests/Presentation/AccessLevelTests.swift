import Foundation
import Testing

@testable import GeneratorCore

/// The configuration's `accessLevel` sets the access modifier of every generated declaration.
@Suite struct AccessLevelTests {
    static let document = """
        openapi: 3.0.3
        info: {title: Access, version: '1'}
        paths: {}
        components:
          schemas:
            Note: {type: object, properties: {text: {type: string}}}
        """

    @Test func internalLeavesNothingPublic() async throws {
        let (files, diagnostics) = try await render(document: Self.document, configuration: "accessLevel: internal\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let generated = try #require(files)
        #expect(try #require(generated["Note.swift"]).contains("internal struct Note: Codable, Hashable, Sendable {"))
        let withPublic = generated.filter { $0.value.contains("public ") }.keys.sorted()
        #expect(withPublic.isEmpty, "\(withPublic)")
    }

    @Test func publicIsTheDefault() async throws {
        let (files, _) = try await render(document: Self.document)
        #expect(try #require(files?["Note.swift"]).contains("public struct Note: Codable, Hashable, Sendable {"))
    }

    @Test func anUnknownLevelIsAnErrorAtItsValue() async throws {
        let (files, diagnostics) = try await render(document: Self.document, configuration: "accessLevel: pubic\n")
        #expect(files == nil)
        #expect(
            diagnostics.map(\.description) == [
                "openapi-codegen.yaml:1:14: error: 'pubic' is not an access level; did you mean 'public'?; expected "
                    + "one of 'public', 'package', 'internal'"
            ])
    }
}
