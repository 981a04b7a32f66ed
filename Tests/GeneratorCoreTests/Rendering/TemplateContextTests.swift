import Foundation
import Testing

@testable import GeneratorCore

/// Every context type's key-path table must list exactly its stored properties: a missing key would render
/// as empty text without any error.
@Suite struct TemplateContextTests {
    /// Every value reachable from `root` through stored properties, arrays and optionals.
    func reachableValues(from root: Any) -> [Any] {
        var result: [Any] = []
        var pending: [Any] = [root]
        while let value = pending.popLast() {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional, .collection:
                pending += mirror.children.map(\.value)
            case .struct:
                result.append(value)
                pending += mirror.children.map(\.value)
            default:
                break
            }
        }
        return result
    }

    static func keys<Value: KeyPathContext>(of value: Value) -> Set<String> { Set(Value.templateKeys.keys) }

    /// The render jobs of CambAI's document (`openapi.yaml`), with the default configuration.
    static func seedJobs() throws -> [Presenter.Job] {
        let diagnostics = DiagnosticCollector()
        let root = try #require(try YAMLParser(bytes: Array(Data(contentsOf: TestPaths.document))).parse())
        let document = try #require(DocumentDecoder(file: "openapi.yaml", diagnostics: diagnostics).decode(root))
        let module = ModuleResolver(
            configuration: GeneratorConfiguration(), file: "openapi.yaml", diagnostics: diagnostics
        )
        .resolve(document)
        let jobs = Presenter(documentName: "openapi.yaml").present(module)
        return jobs
    }

    @Test func keyTablesListEveryStoredProperty() async throws {
        let jobs = try Self.seedJobs()
        let extra: [Any] = [
            Context.RequestParameter(
                swiftName: "a", nameLiteral: "\"a\"", isArray: false, explode: true, delimiterLiteral: "\",\"",
                isOptional: true),
            // CambAI has no multipart body.
            Context.MultipartPart(
                nameLiteral: "\"file\"", kindLabel: "file", isJSON: false, valueExpression: "file",
                contentTypeLiteral: "nil", isBase64: false, headersLiteral: "[]"),
            // CambAI has no polymorphic base, whose union offers shared properties.
            Context.SharedProperty(swiftName: "name", typeName: "String", docLines: [], memberCaseNames: ["cat"]),
            // CambAI's one server has no variables.
            Context.ServerVariable(
                swiftName: "region", typeName: "Region", isEnum: true,
                cases: [Context.ServerVariableCase(caseName: "eu", rawValueLiteral: "\"eu\"")],
                defaultExpression: ".eu", docLines: [], isLast: true),
            // CambAI has no servers on path items or operations.
            Context.OperationServerList(
                typeName: "ListFiles", docLines: [], servers: [],
                aliases: [
                    Context.OperationServerAlias(typeName: "UploadFile", targetTypeName: "ListFiles", docLines: [])
                ],
                hasBlankLineBefore: true, hasServers: false),
            Context.OperationServerChoice(propertyName: "listFiles", docLines: [], isLast: true),
            // CambAI has no streamed response.
            Context.Stream(
                functionName: "eventsStream", docLines: [], parameterLines: [], returnTypeName: "", elementTypeName: "",
                isServerSentEvents: true, isJSONLines: false, acceptLiteral: "", mediaTypesLiteral: "",
                streamedCases: "", isStreamedCondition: "", throwsErrorBodies: true),
            // CambAI documents no response headers.
            Context.HeadersType(
                typeName: "GetPictureOkHeaders", docLines: [],
                fields: [
                    Context.HeaderField(
                        swiftName: "retryAfter", docLines: [], typeName: "Int?", defaultValue: " = nil",
                        nameLiteral: "\"Retry-After\"", readMethod: "header", parser: "{ Int($0) }")
                ]),
        ]
        var checkedTypes: Set<String> = []
        for value in jobs.map(\.context) + extra {
            for reachable in reachableValues(from: value) {
                guard let keyed = reachable as? any KeyPathContext else { continue }
                let labels = Set(Mirror(reflecting: reachable).children.compactMap(\.label))
                let keys = Self.keys(of: keyed)
                #expect(keys == labels, "\(type(of: reachable))")
                checkedTypes.insert(String(describing: type(of: reachable)))
            }
        }
        #expect(checkedTypes.count == 32, "\(checkedTypes.sorted())")
    }
}
