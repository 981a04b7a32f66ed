import Foundation
import Testing

@testable import GeneratorCore

/// A schema named like a type the generated code mentions (`QueryItems`, `Mirror`, `URLError`…) would shadow
/// it and break the build, so every such name must be reserved.
@Suite struct ReservedNamesTests {
    /// Generic parameters the templates declare; a module type of the same name cannot shadow them.
    static let genericParameters: Set<String> = ["Body", "Value", "Wrapped", "Element", "Key"]

    /// Types the runtime declares inside its types (`URLSessionTransport`'s `Session`, `LoggingMiddleware`'s
    /// `Entry` and `Entry.Kind`), used only inside them, where they take precedence over module types of the
    /// same name, so a schema may be called `Session` or `Entry` without a rename (the compile fixture
    /// `names.yaml` has such schemas). A protocol's type alias does not: `HTTPMiddleware.Next` is reserved.
    static let nestedTypes: Set<String> = ["Session", "Exchange", "Delegate", "Entry", "Kind"]

    /// Capitalised identifiers in the Swift code of the templates (not in comments, string literals, Mustache
    /// tags, or after a `.`).
    func typeNamesUsedByTemplates() throws -> Set<String> {
        var names: Set<String> = []
        let files = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.templates.path).filter {
            $0.hasSuffix(".mustache")
        }
        #expect(files.count == TemplateRenderer.requiredTemplates.count)
        let identifier = try NSRegularExpression(pattern: "(?<![.A-Za-z0-9_])[A-Z][A-Za-z0-9_]*")
        for file in files {
            let text = try String(contentsOf: TestPaths.templates.appendingPathComponent(file), encoding: .utf8)
                .replacingOccurrences(of: #"\{\{![^}]*\}\}"#, with: " ", options: .regularExpression)
            for rawLine in text.split(separator: "\n") {
                var line = String(rawLine)
                line = line.replacingOccurrences(of: #"\{\{[^}]*\}\}\}?"#, with: "", options: .regularExpression)
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                line = line.replacingOccurrences(of: #""([^"\\]|\\.)*""#, with: "\"\"", options: .regularExpression)
                let range = NSRange(line.startIndex..., in: line)
                for match in identifier.matches(in: line, range: range) {
                    names.insert(String(line[Range(match.range, in: line)!]))
                }
            }
        }
        return names
    }

    @Test func everyTypeTheTemplatesMentionIsReserved() throws {
        let reserved = Constants.runtimeTypeNames.union(Constants.standardTypeNames).union(Self.genericParameters)
            .union(Self.nestedTypes)
        let used = try typeNamesUsedByTemplates()
        #expect(used.isSuperset(of: ["JSONValue", "HTTPRequest", "DecodingError", "URLError", "Mirror", "QueryItems"]))
        let missing = used.subtracting(reserved)
        #expect(missing.isEmpty, "not reserved: \(missing.sorted())")
    }

    @Test func reservedSchemaNamesAreRenamed() throws {
        let names = ["QueryItems", "Mirror", "URLError", "JSONMatch", "Indirect", "ExpressibleByStringLiteral"]
        let schemas = names.map { "    \($0): {type: object, properties: {a: {type: string}}}" }.joined(separator: "\n")
        let (module, _) = try resolve(
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas)
        #expect(Set(module.types.map(\.name)) == Set(names.map { $0 + "Model" }))
    }
}
