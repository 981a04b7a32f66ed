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
        for hasID in [true, false] {
            for (index, entry) in entries.enumerated() where (entry.operation.operationID?.isEmpty == false) == hasID {
                let proposed = namer.memberName(
                    for: functionBaseName(entry.operation, method: entry.method, path: entry.path))
                functionNames[index] = functionScope.claim(proposed)
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
        return IR.Module(
            name: moduleName, clientName: clientName, errorName: errorName, documentTitle: document.info.title,
            documentVersion: document.info.version, documentDescription: document.info.description,
            defaultServerURL: document.servers.first.map(Self.defaultURL),
            types: UnionShapes.decide(RecursiveTypes.breakCycles(in: types.declarations)).sorted { $0.name < $1.name },
            operations: operations,
            credentials: credentials, errorCases: errorCases)
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

    // MARK: - Operations

    /// The function name: FastAPI's `<function>_<path>_<method>` operation ids lose their generated
    /// suffix; operations without an id are named from the method and path.
    func functionBaseName(_ operation: OpenAPI.Operation, method: OpenAPI.HTTPMethod, path: String) -> String {
        if let id = operation.operationID, !id.isEmpty {
            let pathFormat = String(path.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
            let suffix = pathFormat + "_" + method.rawValue
            if id.count > suffix.count, id.hasSuffix(suffix) {
                return String(id.dropLast(suffix.count))
            }
            return id
        }
        // `GET /users/{userId}/posts` → `get_users_userId_posts` → `getUsersUserIDPosts`.
        let segments = path.split(separator: "/").map { $0.filter { $0 != "{" && $0 != "}" } }
        return ([method.rawValue] + segments).joined(separator: "_")
    }

    func resolveOperation(
        _ operation: OpenAPI.Operation, named functionName: String, method: OpenAPI.HTTPMethod, path: String,
        pathItem: OpenAPI.PathItem, document: OpenAPI.Document, types: TypeResolver, credentials: [IR.Credential],
        errorCases: inout [IR.ErrorCase]
    ) -> IR.Operation {
        let typePrefix = namer.typeName(for: functionName)
        var memberScope = NameScope(reserved: Constants.reservedOperationLocalNames)

        // Parameters: the path item's, overridden by the operation's with the same name and location.
        var parameters: [OpenAPI.Parameter] = []
        for reference in pathItem.parameters + operation.parameters {
            guard let parameter = resolveParameter(reference, document: document) else { continue }
            parameters.removeAll { $0.name == parameter.name && $0.location == parameter.location }
            parameters.append(parameter)
        }
        var irParameters: [IR.Parameter] = []
        for parameter in parameters {
            if parameter.location == .cookie {
                diagnostics.warning(
                    "cookie parameter '\(parameter.name)' is not supported yet; it is not sent",
                    at: location(parameter.mark), pointer: parameter.pointer.description)
                continue
            }
            let schema = parameter.schema ?? parameter.content.first?.mediaTypeObject.schema
            let usage = schema.map { types.usage(for: $0, nameHint: typePrefix + namer.typeName(for: parameter.name)) }
            var style = parameter.style ?? (parameter.location == .query ? "form" : "simple")
            let supportedStyles =
                parameter.location == .query ? ["form", "spaceDelimited", "pipeDelimited"] : ["simple"]
            if !supportedStyles.contains(style) {
                diagnostics.warning(
                    "style '\(style)' of \(parameter.location.rawValue) parameter '\(parameter.name)' is not supported yet; it is sent as '\(supportedStyles[0])'",
                    at: location(parameter.mark), pointer: parameter.pointer.description)
                style = supportedStyles[0]
            }
            var type = usage?.type ?? .string
            if !types.isParameterRepresentable(type, inQuery: parameter.location == .query) {
                diagnostics.warning(
                    "\(parameter.location.rawValue) parameter '\(parameter.name)' has a schema the generator cannot serialise yet; it is taken as a String",
                    at: location(parameter.mark), pointer: parameter.pointer.description)
                type = .string
            }
            irParameters.append(
                IR.Parameter(
                    name: parameter.name, swiftName: memberScope.claim(namer.memberName(for: parameter.name)),
                    location: parameter.location, type: type, isRequired: parameter.required,
                    explode: parameter.explode ?? (style == "form"), style: style,
                    documentation: IR.Documentation(
                        description: parameter.description ?? schema.flatMap(types.describedSchema)?.description
                            ?? schema.flatMap(types.describedSchema)?.title,
                        pointer: parameter.pointer)))
        }
        for placeholder in Self.placeholders(in: path)
        where !irParameters.contains(where: { $0.location == .path && $0.name == placeholder }) {
            diagnostics.error(
                "path template '\(path)' names '{\(placeholder)}', but the operation has no path parameter '\(placeholder)'",
                at: location(operation.mark), pointer: operation.pointer.description)
        }

        let requestBody = operation.requestBody.flatMap {
            resolveRequestBody($0, document: document, types: types, typePrefix: typePrefix, memberScope: &memberScope)
        }

        var success: [IR.Response] = []
        var errors: [IR.ErrorResponse] = []
        for (status, reference) in operation.responses {
            guard let response = resolveResponse(reference, document: document) else { continue }
            let isSuccess = status.hasPrefix("2")
            // JSON first; otherwise text or raw bytes, which successful responses return as they are.
            let json = response.content.first { Self.isJSON($0.mediaType) }
            let raw =
                json == nil && isSuccess
                ? response.content.first { IR.BodyEncoding(mediaType: $0.mediaType) != nil } : nil
            let rawEncoding = raw.flatMap { IR.BodyEncoding(mediaType: $0.mediaType) }
            if json == nil, raw == nil, let other = response.content.first {
                diagnostics.warning(
                    "media type '\(other.mediaType)' is not supported yet; the body of response '\(status)' is not decoded",
                    at: location(other.mediaTypeObject.mark), pointer: response.pointer.description)
            }
            let schema = json?.mediaTypeObject.schema
            // A response defined in `components/responses` names its inline body after itself.
            let hint =
                componentName(of: response.pointer, kind: "responses").map { namer.typeName(for: $0) }
                ?? (isSuccess ? typePrefix + "Response" : typePrefix + "Error" + status)
            let usage = schema.map { types.usage(for: $0, nameHint: hint) }
            let documentation = IR.Documentation(description: response.description, pointer: response.pointer)
            if isSuccess, let raw, let rawEncoding {
                success.append(
                    IR.Response(
                        status: status, type: rawEncoding == .text ? .string : .bytes, mediaType: raw.mediaType,
                        encoding: rawEncoding, documentation: documentation))
            } else if isSuccess {
                success.append(
                    IR.Response(
                        status: status, type: usage?.type, mediaType: json?.mediaType, encoding: .json,
                        documentation: documentation))
            } else if let usage {
                let caseName: String
                if let existing = errorCases.firstIndex(where: { $0.type == usage.type }) {
                    caseName = errorCases[existing].caseName
                    if !errorCases[existing].statuses.contains(status) { errorCases[existing].statuses.append(status) }
                } else {
                    var scope = NameScope(
                        reserved: Set(
                            ["unexpectedStatus", "decoding", "encoding", "transport"] + errorCases.map(\.caseName)))
                    caseName = scope.claim(types.caseName(for: usage.type))
                    errorCases.append(IR.ErrorCase(caseName: caseName, type: usage.type, statuses: [status]))
                }
                errors.append(
                    IR.ErrorResponse(
                        status: status, type: usage.type, errorCaseName: caseName, documentation: documentation))
            }
        }
        let bodyTypes = success.compactMap(\.type)
        var returnType = bodyTypes.first
        if Set(bodyTypes).count > 1 {
            diagnostics.warning(
                "success responses have different bodies; the function returns JSONValue", at: location(operation.mark),
                pointer: operation.pointer.description)
            returnType = .jsonValue
        }

        let requirements = operation.security ?? document.security ?? []
        var usedCredentials: [String] = []
        for requirement in requirements {
            for scheme in requirement.schemes {
                if let credential = credentials.first(where: { $0.schemeName == scheme.name }) {
                    if !usedCredentials.contains(credential.swiftName) { usedCredentials.append(credential.swiftName) }
                } else if !document.components.securitySchemes.contains(where: { $0.name == scheme.name }) {
                    diagnostics.error(
                        "security requirement names '\(scheme.name)', which is not in 'components/securitySchemes'",
                        at: location(scheme.mark), pointer: operation.pointer.description)
                }
            }
        }

        return IR.Operation(
            functionName: functionName, method: method.rawValue.uppercased(), path: path,
            documentation: IR.Documentation(
                summary: operation.summary, description: operation.description, pointer: operation.pointer),
            operationID: operation.operationID, parameters: irParameters, requestBody: requestBody, success: success,
            returnType: returnType,
            returnsOptional: returnType != nil && success.contains { $0.type == nil && $0.status != "default" },
            errors: errors, credentials: usedCredentials, isDeprecated: operation.deprecated)
    }

    static func placeholders(in path: String) -> [String] {
        var names: [String] = []
        var rest = path[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func isJSON(_ mediaType: String) -> Bool {
        let base =
            mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return base == "application/json" || base.hasSuffix("+json")
    }

    func resolveRequestBody(
        _ reference: OpenAPI.Referenceable<OpenAPI.RequestBody>, document: OpenAPI.Document, types: TypeResolver,
        typePrefix: String, memberScope: inout NameScope
    ) -> IR.RequestBody? {
        guard
            let body = resolve(
                reference, in: document.components.requestBodies.map { ($0.name, $0.requestBody) },
                kind: "requestBodies", document: document)
        else { return nil }
        guard let json = body.content.first(where: { Self.isJSON($0.mediaType) }) else {
            // Text is sent as a String, anything else but forms as the caller's bytes.
            if let raw = body.content.first(where: { IR.BodyEncoding(mediaType: $0.mediaType) != nil }),
                let encoding = IR.BodyEncoding(mediaType: raw.mediaType)
            {
                return IR.RequestBody(
                    mediaType: raw.mediaType, encoding: encoding, type: encoding == .text ? .string : .bytes,
                    isRequired: body.required, flattenedProperties: nil, structureName: nil,
                    documentation: IR.Documentation(description: body.description, pointer: body.pointer))
            }
            if let other = body.content.first {
                diagnostics.warning(
                    "request media type '\(other.mediaType)' is not supported yet; the operation is generated without its request body",
                    at: location(other.mediaTypeObject.mark), pointer: body.pointer.description)
            }
            return nil
        }
        guard let schema = json.mediaTypeObject.schema else { return nil }
        let hint =
            componentName(of: body.pointer, kind: "requestBodies").map { namer.typeName(for: $0) } ?? typePrefix
            + "Request"
        let usage = types.usage(for: schema, nameHint: hint)
        var flattened: [IR.Property]?
        var structureName: String?
        if case .declared(let name) = usage.type, body.required,
            case .structure(let structure)? = types.declaration(named: name),
            !structure.properties.isEmpty
        {
            var scope = memberScope
            let clash = structure.properties.contains { scope.claim($0.swiftName) != $0.swiftName }
            if !clash {
                memberScope = scope
                flattened = structure.properties
                structureName = name
            }
        }
        return IR.RequestBody(
            mediaType: json.mediaType, encoding: .json, type: usage.type, isRequired: body.required,
            flattenedProperties: flattened,
            structureName: structureName,
            documentation: IR.Documentation(description: body.description, pointer: body.pointer))
    }

    func resolveParameter(_ reference: OpenAPI.Referenceable<OpenAPI.Parameter>, document: OpenAPI.Document) -> OpenAPI
        .Parameter?
    {
        resolve(
            reference, in: document.components.parameters.map { ($0.name, $0.parameter) }, kind: "parameters",
            document: document)
    }

    func resolveResponse(_ reference: OpenAPI.Referenceable<OpenAPI.Response>, document: OpenAPI.Document) -> OpenAPI
        .Response?
    {
        resolve(
            reference, in: document.components.responses.map { ($0.name, $0.response) }, kind: "responses",
            document: document)
    }

    /// The value a reference leads to; in 3.1, a `description` beside a `$ref` of the chain replaces the
    /// target's (the Reference Object's override, for documentation only).
    func resolve<Value: OpenAPI.Described>(
        _ reference: OpenAPI.Referenceable<Value>, in components: [(String, OpenAPI.Referenceable<Value>)],
        kind: String,
        document: OpenAPI.Document
    ) -> Value? {
        var description: String?
        var value = follow(reference, in: components, kind: kind, description: &description)
        if document.isVersion31, let description { value?.description = description }
        return value
    }

    /// The name of the component at `pointer`, when it is `#/components/<kind>/<name>`.
    func componentName(of pointer: JSONPointer, kind: String) -> String? {
        guard pointer.tokens.count == 3, pointer.tokens[0] == "components", pointer.tokens[1] == kind else {
            return nil
        }
        return pointer.tokens[2]
    }

    /// Follows references to `#/components/<kind>/<name>` (also chains of them) to the value.
    func follow<Value>(
        _ start: OpenAPI.Referenceable<Value>, in components: [(String, OpenAPI.Referenceable<Value>)], kind: String
    ) -> Value? {
        var description: String?
        return follow(start, in: components, kind: kind, description: &description)
    }

    /// Follows references like `follow(_:in:kind:)`, also reporting the first `description` written beside a
    /// `$ref` along the chain (which, in 3.1, overrides the target's).
    func follow<Value>(
        _ start: OpenAPI.Referenceable<Value>, in components: [(String, OpenAPI.Referenceable<Value>)], kind: String,
        description: inout String?
    ) -> Value? {
        var current = start
        var seen: [String] = []
        while true {
            switch current {
            case .value(let value):
                return value
            case .reference(let reference):
                if description == nil { description = reference.description }
                guard let pointer = JSONPointer(fragment: reference.ref), pointer.tokens.count == 3,
                    pointer.tokens[0] == "components", pointer.tokens[1] == kind
                else {
                    diagnostics.error(
                        "reference '\(reference.ref)' is not supported here; expected '#/components/\(kind)/<name>'",
                        at: location(reference.mark))
                    return nil
                }
                guard !seen.contains(reference.ref) else {
                    diagnostics.error(
                        "reference cycle: \((seen + [reference.ref]).joined(separator: " → "))",
                        at: location(reference.mark))
                    return nil
                }
                seen.append(reference.ref)
                guard let next = components.first(where: { $0.0 == pointer.tokens[2] })?.1 else {
                    diagnostics.error(
                        "reference '\(reference.ref)' does not resolve; no entry '\(pointer.tokens[2])' in 'components/\(kind)'",
                        at: location(reference.mark))
                    return nil
                }
                current = next
            }
        }
    }
}
