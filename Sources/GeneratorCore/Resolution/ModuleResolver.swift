/// Resolves a decoded document into the IR: types first (component schemas in document order), then
/// operations in document order (paths, then methods), then the client's credentials and error cases.
public struct ModuleResolver {
    public let configuration: GeneratorConfiguration
    public let file: String
    public let diagnostics: DiagnosticCollector
    /// Memoizing, and shared with the `TypeResolver`: a large document asks for the same names many times.
    let namer = SwiftNamer(memoizing: ())
    /// Given the resolution's working state (the type resolver with its tables, the namer's memory) once the module is
    /// made, for a caller that exits soon after to keep instead of freeing (freeing stripe's took 4 ms); `nil` frees
    /// it when `resolve` returns.
    var keepWorkingState: ((Any) -> Void)?

    /// - Parameters:
    ///   - file: the document's path as printed in diagnostics.
    public init(configuration: GeneratorConfiguration, file: String, diagnostics: DiagnosticCollector) {
        self.configuration = configuration
        self.file = file
        self.diagnostics = diagnostics
    }

    public func resolve(_ document: OpenAPI.Document) -> IR.Module {
        let document =
            configuration.include.map {
                OperationSelection(document: document, filter: $0).apply(
                    file: configuration.file ?? file, diagnostics: diagnostics)
            } ?? document
        let moduleName = configuration.moduleName ?? namer.typeName(for: document.info.title)
        let clientName = moduleName + "Client"
        let errorName = moduleName + "Error"
        // Built once for the document the module is made of: every stage below follows references through it.
        let index = ComponentIndex(document: document, file: file, diagnostics: diagnostics)
        let types = TypeResolver(
            document: document, index: index, configuration: configuration,
            reservedNames: Set([moduleName] + Constants.moduleTypeSuffixes.map { moduleName + $0 }), file: file,
            diagnostics: diagnostics, namer: namer)
        types.declareComponents()

        let credentials = resolveCredentials(index)
        var operations: [IR.Operation] = []
        var functionScope = NameScope(reserved: Constants.reservedClientMemberNames.union(credentials.map(\.swiftName)))
        // Operations in an order that does not depend on the document's: by path, then by method. Names, and the
        // inline types operations declare, are claimed in this order, so reordering the document renames nothing.
        let methodRank = Dictionary(uniqueKeysWithValues: OpenAPI.HTTPMethod.allCases.enumerated().map { ($1, $0) })
        let entries = document.paths.flatMap { path, item in
            item.operations.map { OperationEntry(path: path, item: item, method: $0.method, operation: $0.operation) }
        }.sorted { a, b in
            a.path != b.path
                ? a.path.unicodeScalars.lexicographicallyPrecedes(b.path.unicodeScalars)  // by scalar value
                : methodRank[a.method]! < methodRank[b.method]!
        }
        // Operations the configuration names claim their names first, then those with an operationId (an
        // operationId that is already its Swift name first), so that a synthesised name never takes a name the
        // user or the document gave; within each group, the order above decides.
        var functionNames = [String](repeating: "", count: entries.count)
        var firstWithID: [String: String] = [:]  // operationId → 'METHOD /path' of the first operation that gives it
        var usedOperationNames: Set<String> = []
        func configuredName(_ entry: OperationEntry) -> (key: String, name: (name: String, mark: SourceMark))? {
            guard !configuration.names.operations.isEmpty else { return nil }
            let keys = [entry.operation.operationID, entry.method.rawValue.uppercased() + " " + entry.path]
            for case let key? in keys { if let name = configuration.names.operations[key] { return (key, name) } }
            return nil
        }
        enum Group { case named, withID, synthesised }
        func group(of entry: OperationEntry) -> Group {
            if configuredName(entry) != nil { return .named }
            return entry.operation.operationID?.isEmpty == false ? .withID : .synthesised
        }
        // Each operation's group and rank once (naming is not cheap), then a sort of the ranks.
        let groups = entries.indices.map { group(of: entries[$0]) }
        let ranks = entries.indices.map { index -> Int in
            switch groups[index] {
            case .named: return 0
            case .withID:
                let entry = entries[index]
                let name = namer.memberName(
                    for: functionBaseName(entry.operation, method: entry.method, path: entry.path))
                return name == entry.operation.operationID! ? 1 : 2
            case .synthesised: return 3
            }
        }
        let claimOrder = entries.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
        for currentGroup in [Group.named, .withID, .synthesised] {
            for index in claimOrder where groups[index] == currentGroup {
                let entry = entries[index]
                var proposed = namer.memberName(
                    for: functionBaseName(entry.operation, method: entry.method, path: entry.path))
                if let (key, configured) = configuredName(entry) {
                    usedOperationNames.insert(key)
                    proposed =
                        namer.checkedOverride(
                            configured.name, kind: .member, at: location(configured.mark), diagnostics: diagnostics)
                        ?? proposed
                }
                functionNames[index] = functionScope.claim(proposed)
                let operationName = entry.method.rawValue.uppercased() + " " + entry.path
                if let id = entry.operation.operationID, currentGroup != .synthesised {
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
        // Servers of path items and operations, each list resolved (and reported) once, keyed by where it is: the
        // nearest wins (an empty list is none). Its first server, variables at their defaults, is the default.
        var ownServers: [JSONPointer: [IR.Server]] = [:]
        var serverLists = OperationServerLists()
        for (index, entry) in entries.enumerated() {
            var resolved = resolveOperation(
                entry.operation, named: functionNames[index], method: entry.method, path: entry.path,
                pathItem: entry.item, document: document, types: types, credentials: credentials)
            if let list = entry.operation.servers ?? entry.item.servers, let first = list.first {
                let key = first.pointer
                if ownServers[key] == nil { ownServers[key] = resolveServers(list) }
                let servers = ownServers[key] ?? []
                for variant in resolved.indices {
                    resolved[variant].server = servers.first { $0.position == 1 && $0.isDefaultUsable }
                }
                // Even when none of them makes a URL, the operation keeps its property: the caller may give one.
                serverLists.add(
                    resolved[0], functions: operations.count..<operations.count + resolved.count, key: key,
                    servers: servers)
            }
            operations.append(resolved[0])
            // A function per further request media type, after every operation's own name is claimed.
            for var variant in resolved.dropFirst() {
                variant.functionName = functionScope.claim(variant.functionName)
                operations.append(variant)
            }
        }
        // The streaming methods claim their names after every operation, so that they never rename one.
        for index in operations.indices {
            guard let proposed = operations[index].stream?.functionName else { continue }
            operations[index].stream?.functionName = functionScope.claim(proposed)
        }
        reportUnusedEnumCaseNames(declared: types.namedEnumPointers)
        reportUnusedNames(
            types: types, operations: usedOperationNames, entries: entries)
        let boxed = LargeValues.box(in: UnionShapes.decide(RecursiveTypes.breakCycles(in: types.takeDeclarations())))
        let (declarations, identicalSchemas) =
            configuration.mergesIdenticalSchemas ? IdenticalSchemas.merge(boxed) : (boxed, [:])
        var module = IR.Module(
            name: moduleName, clientName: clientName, errorName: errorName, documentTitle: document.info.title,
            documentVersion: document.info.version, documentDescription: document.info.description,
            defaultServerURL: document.servers.first.map(Self.defaultURL),
            types: Self.sortedByName(declarations),
            operations: operations,
            credentials: credentials)
        module.identicalSchemas = identicalSchemas
        module.servers = resolveServers(document.servers)
        let (lists, namespaces) = serverLists.named(
            reserving: Set(module.servers.indices.map { "Server\($0 + 1)" }), namer: namer)
        module.operationServerLists = lists
        for (index, names) in namespaces {
            module.operations[index].serverListTypeName = names.typeName
            module.operations[index].serverChoiceName = names.functionName
        }
        module.conformsToIdentifiable = configuration.conformsToIdentifiable
        module.conformsToCaseIterable = configuration.conformsToCaseIterable
        module.accessLevel = configuration.accessLevel.rawValue
        keepWorkingState?((types, namer))
        return module
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

    /// Names in the configuration that name nothing would be ignored; after an upstream change that would
    /// silently rename the user's API, so each is an error with the nearest target that exists.
    func reportUnusedNames(
        types: TypeResolver, operations used: Set<String>,
        entries: [OperationEntry]
    ) {
        let names = configuration.names
        let kinds: [(String, [JSONPointer: (name: String, mark: SourceMark)])] = [
            ("a schema", names.types), ("a property", names.properties),
        ]
        // Only when something names nothing: collecting every schema's pointer costs a walk of the document.
        var known: [String]?
        for (what, table) in kinds {
            for (pointer, entry) in table.sorted(by: { $0.value.mark < $1.value.mark })
            where !types.usedNamePointers.contains(pointer) {
                if known == nil { known = types.knownSchemaPointers.map(\.description) }
                diagnostics.error(
                    "names '\(pointer)', which is not \(what) the generator declares"
                        + Suggestion.clause(for: pointer.description, among: known ?? []),
                    at: location(entry.mark))
            }
        }
        // Only when something names no operation, like `known` above.
        var operationKeys: [String] {
            entries.compactMap(\.operation.operationID)
                + entries.map { $0.method.rawValue.uppercased() + " " + $0.path }
        }
        for (key, entry) in names.operations.sorted(by: { $0.value.mark < $1.value.mark }) where !used.contains(key) {
            diagnostics.error(
                "names operation '\(key)', which the document does not have (give its operationId or 'METHOD /path')"
                    + Suggestion.clause(for: key, among: operationKeys),
                at: location(entry.mark))
        }
    }

    /// Declarations sorted by name, in a stable sort. Each name is read once: reading it from a declaration (an enum
    /// of large structs) copies the declaration, which in the comparisons of a sort cost more than the sort itself.
    static func sortedByName(_ declarations: [IR.TypeDeclaration]) -> [IR.TypeDeclaration] {
        let names = declarations.map(\.name)
        return declarations.indices.sorted { names[$0] != names[$1] ? names[$0] < names[$1] : $0 < $1 }.map {
            declarations[$0]
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

}

/// One operation of the document with its path item, as `ModuleResolver.resolve` orders, names and resolves them: a
/// class, so that its passes over the operations share each entry instead of copying a path item and an operation
/// (dozens of references to retain and release) at every step.
final class OperationEntry {
    let path: String
    let item: OpenAPI.PathItem
    let method: OpenAPI.HTTPMethod
    let operation: OpenAPI.Operation

    init(path: String, item: OpenAPI.PathItem, method: OpenAPI.HTTPMethod, operation: OpenAPI.Operation) {
        self.path = path
        self.item = item
        self.method = method
        self.operation = operation
    }
}
