/// Resolves a decoded document into the IR: types first (component schemas in document order), then
/// operations in document order (paths, then methods), then the client's credentials and error cases.
public struct ModuleResolver {
    public let configuration: GeneratorConfiguration
    public let file: String
    public let diagnostics: DiagnosticCollector
    let namer = SwiftNamer()

    /// - Parameters:
    ///   - file: the document's path as printed in diagnostics.
    public init(configuration: GeneratorConfiguration, file: String, diagnostics: DiagnosticCollector) {
        self.configuration = configuration
        self.file = file
        self.diagnostics = diagnostics
    }

    public func resolve(_ document: OpenAPI.Document) -> IR.Module {
        let moduleName = configuration.moduleName ?? namer.typeName(for: document.info.title)
        let clientName = moduleName + "Client"
        let errorName = moduleName + "Error"
        let types = TypeResolver(
            document: document, configuration: configuration,
            reservedNames: [moduleName, clientName, errorName], file: file, diagnostics: diagnostics)
        types.declareComponents()

        let credentials = resolveCredentials(document)
        var operations: [IR.Operation] = []
        var functionScope = NameScope(reserved: Constants.reservedClientMemberNames.union(credentials.map(\.swiftName)))
        var errorCases: [IR.ErrorCase] = []
        let entries = document.paths.flatMap { path, item in
            item.operations.map { (path: path, item: item, method: $0.method, operation: $0.operation) }
        }
        // Operations with an operationId claim their names first, so that a synthesised name never takes
        // the name a document gave; within each group, document order decides.
        var functionNames = [String](repeating: "", count: entries.count)
        var firstWithID: [String: String] = [:]  // operationId → 'METHOD /path' of the first operation that gives it
        for hasID in [true, false] {
            for (index, entry) in entries.enumerated() where (entry.operation.operationID?.isEmpty == false) == hasID {
                let proposed = namer.memberName(
                    for: functionBaseName(entry.operation, method: entry.method, path: entry.path))
                functionNames[index] = functionScope.claim(proposed)
                let operationName = entry.method.rawValue.uppercased() + " " + entry.path
                if let id = entry.operation.operationID, hasID {
                    if let first = firstWithID[id] {
                        // operationIds must be unique; the document order decides which one keeps the name.
                        diagnostics.warning(
                            "operationId '\(id)' of '\(operationName)' is also the operationId of '\(first)'; "
                                + "operationIds must be unique, so this one is named '\(functionNames[index])'",
                            at: location(entry.operation.mark), pointer: entry.operation.pointer.description)
                        continue
                    }
                    firstWithID[id] = operationName
                }
                if functionNames[index] != proposed {
                    diagnostics.note(
                        "operation '\(entry.operation.operationID ?? entry.method.rawValue.uppercased() + " " + entry.path)' is named '\(functionNames[index])' to avoid a clash",
                        at: location(entry.operation.mark), pointer: entry.operation.pointer.description)
                }
            }
        }
        for (index, entry) in entries.enumerated() {
            operations.append(
                resolveOperation(
                    entry.operation, named: functionNames[index], method: entry.method, path: entry.path,
                    pathItem: entry.item, document: document, types: types, credentials: credentials,
                    errorCases: &errorCases))
        }
        reportUnusedEnumCaseNames(declared: types.namedEnumPointers)
        return IR.Module(
            name: moduleName, clientName: clientName, errorName: errorName, documentTitle: document.info.title,
            documentVersion: document.info.version, documentDescription: document.info.description,
            defaultServerURL: document.servers.first.map(Self.defaultURL),
            types: UnionShapes.decide(RecursiveTypes.breakCycles(in: types.declarations)).sorted { $0.name < $1.name },
            operations: operations,
            credentials: credentials, errorCases: errorCases)
    }

    /// Configured case names whose pointer names no enum schema the module declares would be ignored; after
    /// an upstream rename that would silently change every case name, so it is an error.
    func reportUnusedEnumCaseNames(declared: Set<JSONPointer>) {
        guard let file = configuration.file else { return }
        for (pointer, mark) in configuration.enumCaseNameMarks.sorted(by: { $0.value < $1.value })
        where !declared.contains(pointer) {
            let nearest = Suggestion.nearest(to: pointer.description, among: declared.map(\.description))
            diagnostics.error(
                "enumCaseNames names '\(pointer)', which is not an enum schema of the document"
                    + (nearest.map { "; did you mean '\($0)'?" } ?? ""),
                at: SourceLocation(file: file, mark: mark))
        }
    }

    /// A server URL with each `{variable}` replaced by its default value.
    static func defaultURL(_ server: OpenAPI.Server) -> String {
        var url = server.url
        for (name, value) in server.variables {
            url = url.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return url
    }

    func location(_ mark: SourceMark) -> SourceLocation { SourceLocation(file: file, mark: mark) }

    // MARK: - Credentials

    func resolveCredentials(_ document: OpenAPI.Document) -> [IR.Credential] {
        var credentials: [IR.Credential] = []
        var schemes: [(String, OpenAPI.SecurityScheme)] = []
        for (name, scheme) in document.components.securitySchemes {
            switch scheme {
            case .value(let value): schemes.append((name, value))
            case .reference(let reference):
                diagnostics.warning(
                    "a referenced security scheme is not supported yet; '\(name)' is ignored",
                    at: location(reference.mark))
            }
        }
        let apiKeyCount = schemes.filter { $0.1.type == "apiKey" }.count
        let bearerCount = schemes.filter { $0.1.type == "http" && $0.1.scheme?.lowercased() == "bearer" }.count
        var scope = NameScope(reserved: ["serverURL", "transport"])
        for (name, scheme) in schemes {
            let placement: IR.Credential.Placement
            var proposed = namer.memberName(for: name)
            switch (scheme.type, scheme.location) {
            case ("apiKey", "header"):
                placement = .header(scheme.name ?? name)
                if apiKeyCount == 1 { proposed = "apiKey" }
            case ("apiKey", "query"):
                placement = .query(scheme.name ?? name)
                if apiKeyCount == 1 { proposed = "apiKey" }
            case ("http", _) where scheme.scheme?.lowercased() == "bearer":
                placement = .bearer
                if bearerCount == 1 { proposed = "bearerToken" }
            default:
                diagnostics.warning(
                    "security scheme '\(name)' of type '\(scheme.type)' is not supported yet; requests carry no credential for it",
                    at: location(scheme.mark))
                continue
            }
            credentials.append(
                IR.Credential(
                    schemeName: name, swiftName: scope.claim(proposed), placement: placement,
                    documentation: IR.Documentation(
                        description: scheme.description, pointer: JSONPointer(["components", "securitySchemes", name])))
            )
        }
        return credentials
    }

}
