import Foundation
import Testing

@testable import GeneratorCore

/// A schema named like a type the generated code mentions (`QueryItems`, `Mirror`, `URLError`…) would shadow
/// it and break the build, so every such name must be reserved.
@Suite struct ReservedNamesTests {
    /// Generic parameters the templates declare; a module type of the same name cannot shadow them.
    static let genericParameters: Set<String> = ["Body", "Value", "Wrapped", "Element", "Key", "NestedKey", "Item"]

    /// Types the runtime declares inside its types (`URLSessionTransport`'s `Session`, `LoggingMiddleware`'s
    /// `Entry` and `Entry.Kind`), used only inside them, where they take precedence over module types of the
    /// same name, so a schema may be called `Session` or `Entry` without a rename (the compile fixture
    /// `names.yaml` has such schemas). A protocol's type alias does not: `HTTPMiddleware.Next` is reserved.
    static let nestedTypes: Set<String> = [
        "Session", "Exchange", "Delegate", "Entry", "Kind", "Contents", "Part", "BoundaryCollision",
        "Receiver", "BufferedExchange", "StreamExchange", "BodyReader",
        // `JSONObjectMembers.Failure`, named only inside the protocol and the types that conform to it.
        "Failure",
        // `JSONDecodingObjectMembers.KnownMember`, private to it.
        "KnownMember",
    ]

    /// Capitalised identifiers in the Swift code of the templates (not in comments, string literals, Mustache
    /// tags, or after a `.`), and the suffixes of the names the templates build from the module's name
    /// (`{{module.moduleName}}Request` → `Request`).
    func typeNamesUsedByTemplates() throws -> (names: Set<String>, moduleTypeSuffixes: Set<String>) {
        var names: Set<String> = []
        var suffixes: Set<String> = []
        let files = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.templates.path).filter {
            $0.hasSuffix(".mustache")
        }
        #expect(files.count == TemplateRenderer.requiredTemplates.count)
        let identifier = try NSRegularExpression(pattern: "(?<![.A-Za-z0-9_])[A-Z][A-Za-z0-9_]*")
        let moduleType = try NSRegularExpression(pattern: #"\{\{module\.moduleName\}\}([A-Za-z0-9_]+)"#)
        for file in files {
            let text = try String(contentsOf: TestPaths.templates.appendingPathComponent(file), encoding: .utf8)
                .replacingOccurrences(of: #"\{\{![^}]*\}\}"#, with: " ", options: .regularExpression)
            for rawLine in text.split(separator: "\n") {
                var line = String(rawLine)
                for match in moduleType.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    suffixes.insert(String(line[Range(match.range(at: 1), in: line)!]))
                }
                line = moduleType.stringByReplacingMatches(
                    in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "")
                line = line.replacingOccurrences(of: #"\{\{[^}]*\}\}\}?"#, with: "", options: .regularExpression)
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                line = line.replacingOccurrences(of: #""([^"\\]|\\.)*""#, with: "\"\"", options: .regularExpression)
                // A range operator is not a member access: `1...CalendarDate.daysIn` mentions `CalendarDate`.
                line = line.replacingOccurrences(of: "...", with: " ").replacingOccurrences(of: "..<", with: " ")
                let range = NSRange(line.startIndex..., in: line)
                for match in identifier.matches(in: line, range: range) {
                    names.insert(String(line[Range(match.range, in: line)!]))
                }
            }
        }
        return (names, suffixes)
    }

    /// The members the templates declare on the client (in `struct`/`extension {{module.clientName}}` blocks, at
    /// member indentation, not spelled by a Mustache tag): an operation named like one would not compile.
    func clientMembersDeclaredByTemplates() throws -> Set<String> {
        let files = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.templates.path).filter {
            $0.hasSuffix(".mustache")
        }
        let opening = try NSRegularExpression(
            pattern: #"^(\{\{module\.access\}\} )?(extension|struct) \{\{module\.clientName\}\}"#)
        let member = try NSRegularExpression(
            pattern:
                #"^    (?:(?:\{\{module\.access\}\}|static|private|mutating|nonisolated\(unsafe\)) )*(?:func|var|let) ([A-Za-z_][A-Za-z0-9_]*)"#
        )
        var names: Set<String> = []
        for file in files {
            let text = try String(contentsOf: TestPaths.templates.appendingPathComponent(file), encoding: .utf8)
            var isInsideClient = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                let range = NSRange(line.startIndex..., in: line)
                if opening.firstMatch(in: line, range: range) != nil {
                    isInsideClient = true
                } else if line == "}" {
                    isInsideClient = false
                } else if isInsideClient, let match = member.firstMatch(in: line, range: range) {
                    names.insert(String(line[Range(match.range(at: 1), in: line)!]))
                }
            }
        }
        return names
    }

    @Test func everyClientMemberTheTemplatesDeclareIsReserved() throws {
        let declared = try clientMembersDeclaredByTemplates()
        // Members of Client.swift, Credential.swift, ParameterEncoding.swift and StreamedResponse.swift.
        #expect(declared.isSuperset(of: ["send", "makeURL", "securityValues", "encodeForm", "sendStreaming"]))
        let missing = declared.subtracting(Constants.reservedClientMemberNames)
        #expect(missing.isEmpty, "not reserved: \(missing.sorted())")
    }

    @Test func everyTypeTheTemplatesMentionIsReserved() throws {
        let reserved = Constants.runtimeTypeNames.union(Constants.standardTypeNames).union(Self.genericParameters)
            .union(Self.nestedTypes)
        let (used, suffixes) = try typeNamesUsedByTemplates()
        #expect(used.isSuperset(of: ["AnyCodingKey", "DecodingError", "URLError", "Mirror", "QueryItems"]))
        let missing = used.subtracting(reserved)
        #expect(missing.isEmpty, "not reserved: \(missing.sorted())")
        // `Client` and `Error` come from `clientName` and `errorName`; the others are spelled in the templates.
        #expect(suffixes.union(["Client", "Error"]) == Set(Constants.moduleTypeSuffixes))
    }

    /// No public runtime type keeps a name that swift-http-types, swift-openapi-urlsession or Foundation
    /// declare, so that a file importing them beside the module can use every name unqualified.
    @Test func publicRuntimeTypesAreNamedAfterTheModule() throws {
        let (used, _) = try typeNamesUsedByTemplates()
        for name in ["HTTPRequest", "HTTPResponse", "HTTPField", "HTTPFields", "URLSessionTransport", "JSONValue"] {
            #expect(!used.contains(name), "\(name)")
        }
        let (module, _) = try resolve("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n")
        let jobs = Presenter(documentName: "openapi.yaml").present(module)
        let runtimeFiles = Set(jobs.map(\.fileName)).subtracting(
            [
                "QueryItems.swift", "ParameterValue.swift", "ParameterEncoding.swift", "AnyCodingKey.swift",
                "JSONMatchable.swift",
                "Indirect.swift",
                "RFC3339.swift",
            ])
        #expect(
            runtimeFiles == [
                "TClient.swift", "TError.swift", "TRequest.swift", "TResponse.swift", "TTransport.swift",
                "TURLSessionTransport.swift", "TCredential.swift", "TJSONValue.swift", "TCalendarDate.swift",
                "TMiddleware.swift", "TRetryMiddleware.swift", "TLoggingMiddleware.swift", "TServers.swift",
                "TNullable.swift",
                "TStreamedResponse.swift",
            ])
    }

    /// Schemas named like a public runtime type of the module, in any letter case, are renamed; those named like
    /// the types other modules declare (`HTTPRequest`) keep their names.
    @Test func schemasNamedLikeModuleTypesAreRenamed() throws {
        let names = ["TRequest", "tresponse", "TJSONValue", "Tcalendardate", "HTTPRequest", "JSONValue", "Queryitems"]
        let schemas = names.map { "    \($0): {type: object, properties: {a: {type: string}}}" }.joined(separator: "\n")
        let (module, _) = try resolve(
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas)
        #expect(
            Set(module.types.map(\.name)) == [
                "TRequest2", "Tresponse2", "TJSONValue2", "Tcalendardate2", "HTTPRequest", "JSONValue",
                "QueryitemsModel",
            ])
    }

    @Test func reservedSchemaNamesAreRenamed() throws {
        let names = ["QueryItems", "Mirror", "URLError", "JSONMatch", "Indirect", "ExpressibleByStringLiteral"]
        let schemas = names.map { "    \($0): {type: object, properties: {a: {type: string}}}" }.joined(separator: "\n")
        let (module, _) = try resolve(
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas)
        #expect(Set(module.types.map(\.name)) == Set(names.map { $0 + "Model" }))
    }
}
