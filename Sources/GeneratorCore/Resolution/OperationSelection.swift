/// The configuration's `include`: keeps the operations it selects and exactly the component schemas they use,
/// directly or through other schemas, parameters, request bodies, responses and headers.
struct OperationSelection {
    let document: OpenAPI.Document
    let filter: GeneratorConfiguration.OperationFilter

    /// The document with the other operations (and path items left empty) and the unused component schemas
    /// removed. Reports an error when nothing is kept, and a warning for each entry that selects nothing.
    func apply(file: String, diagnostics: DiagnosticCollector) -> OpenAPI.Document {
        var result = document
        var kept: [(OpenAPI.PathItem, OpenAPI.Operation)] = []
        result.paths = document.paths.compactMap { path, item in
            var item = item
            item.operations = item.operations.filter { filter.keeps(path: path, operation: $0.operation) }
            kept += item.operations.map { (item, $0.operation) }
            return item.operations.isEmpty ? nil : (path, item)
        }
        let location = SourceLocation(file: file, mark: filter.mark)
        let operations = document.paths.flatMap { path, item in item.operations.map { (path, $0.operation) } }
        for tag in filter.tags where !operations.contains(where: { $0.1.tags.contains(tag) }) {
            let known = Set(operations.flatMap(\.1.tags))
            diagnostics.warning(
                "'include' names tag '\(tag)', which no operation has" + Suggestion.clause(for: tag, among: known),
                at: location)
        }
        for id in filter.operationIDs where !operations.contains(where: { $0.1.operationID == id }) {
            diagnostics.warning(
                "'include' names operationId '\(id)', which no operation has"
                    + Suggestion.clause(for: id, among: operations.compactMap(\.1.operationID)),
                at: location)
        }
        for pattern in filter.paths
        where !document.paths.contains(where: { filter.keeps(path: $0.path, pattern: pattern) }) {
            diagnostics.warning(
                "'include' names path '\(pattern)', which matches no path"
                    + Suggestion.clause(for: pattern, among: document.paths.map(\.path)),
                at: location)
        }
        if kept.isEmpty {
            diagnostics.error("'include' keeps no operation of the document", at: location)
        }
        var reach = Reach(index: ComponentIndex(document: document, file: file, diagnostics: diagnostics))
        for (item, operation) in kept {
            for parameter in item.parameters + operation.parameters { reach.visit(parameter) }
            if let body = operation.requestBody { reach.visit(body) }
            for (_, response) in operation.responses { reach.visit(response) }
        }
        result.components.schemas = document.components.schemas.filter { reach.schemas.contains($0.name) }
        return result
    }
}

extension GeneratorConfiguration.OperationFilter {
    /// Whether a path matches one entry of `paths`: the same template, or a prefix ending in `*`.
    func keeps(path: String, pattern: String) -> Bool {
        pattern.hasSuffix("*") ? path.hasPrefix(pattern.dropLast()) : path == pattern
    }
}

/// Walks what operations use, collecting the names of the component schemas reached. It reports nothing: what is
/// kept is resolved afterwards, and reported there.
private struct Reach {
    let index: ComponentIndex
    var schemas: Set<String> = []
    /// Components of other kinds already visited, as `kind/name`, so that reference cycles end.
    private var visited: Set<String> = []

    init(index: ComponentIndex) { self.index = index }

    /// The component a local reference names (also a reference into one, such as `…/Pet/properties/id`).
    private func component(of ref: String, kind: ComponentIndex.Kind) -> String? {
        guard let pointer = JSONPointer(fragment: ref), pointer.tokens.count >= 3, pointer.tokens[0] == "components",
            pointer.tokens[1] == kind.rawValue
        else { return nil }
        return pointer.tokens[2]
    }

    mutating func visit(_ schema: OpenAPI.Schema) {
        var pending = [schema]
        while let schema = pending.popLast() {
            if let ref = schema.reference?.ref, let name = component(of: ref, kind: .schemas),
                schemas.insert(name).inserted, let target = index.schemas[name]
            {
                pending.append(target)
            }
            pending += schema.properties.map(\.schema) + schema.oneOf + schema.anyOf + schema.allOf
            if let items = schema.items { pending.append(items) }
            if case .schema(let value)? = schema.additionalProperties { pending.append(value) }
            for entry in schema.discriminator?.mapping ?? [] {
                let name = component(of: entry.ref, kind: .schemas) ?? entry.ref
                if schemas.insert(name).inserted, let target = index.schemas[name] { pending.append(target) }
            }
        }
    }

    private mutating func visit(_ content: [(mediaType: String, mediaTypeObject: OpenAPI.MediaType)]) {
        for (_, media) in content { if let schema = media.schema { visit(schema) } }
    }

    /// The component a reference names, once; `nil` when already visited or absent.
    private mutating func next<Value>(_ reference: OpenAPI.Reference, in components: ComponentIndex.Components<Value>)
        -> Value?
    {
        let kind = components.kind
        guard let name = component(of: reference.ref, kind: kind),
            visited.insert(kind.rawValue + "/" + name).inserted
        else { return nil }
        return components[name]
    }

    mutating func visit(_ parameter: OpenAPI.Referenceable<OpenAPI.Parameter>) {
        switch parameter {
        case .reference(let reference):
            if let next = next(reference, in: index.parameters) { visit(next) }
        case .value(let value):
            if let schema = value.schema { visit(schema) }
            visit(value.content)
        }
    }

    mutating func visit(_ body: OpenAPI.Referenceable<OpenAPI.RequestBody>) {
        switch body {
        case .reference(let reference):
            if let next = next(reference, in: index.requestBodies) { visit(next) }
        case .value(let value):
            visit(value.content)
        }
    }

    mutating func visit(_ response: OpenAPI.Referenceable<OpenAPI.Response>) {
        switch response {
        case .reference(let reference):
            if let next = next(reference, in: index.responses) { visit(next) }
        case .value(let value):
            visit(value.content)
            for (_, header) in value.headers { visit(header) }
        }
    }

    mutating func visit(_ header: OpenAPI.Referenceable<OpenAPI.Header>) {
        switch header {
        case .reference(let reference):
            if let next = next(reference, in: index.headers) { visit(next) }
        case .value(let value):
            if let schema = value.schema { visit(schema) }
        }
    }
}
