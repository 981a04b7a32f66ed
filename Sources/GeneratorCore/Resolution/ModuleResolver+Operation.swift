/// How `ModuleResolver` turns an Operation Object into an `IR.Operation`: names, parameters, bodies, responses.
extension ModuleResolver {
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
        pathItem: OpenAPI.PathItem, document: OpenAPI.Document, types: TypeResolver, credentials: [IR.Credential]
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
        let placeholders = Self.placeholders(in: path)
        for parameter in parameters {
            if parameter.location == .path, !placeholders.contains(parameter.name) {
                // The value would have nowhere to go in the URL.
                diagnostics.error(
                    "path parameter '\(parameter.name)' does not appear in path template '\(path)'"
                        + Suggestion.clause(for: parameter.name, among: placeholders),
                    at: location(parameter.mark), pointer: parameter.pointer.description)
                continue
            }
            if parameter.location == .cookie {
                diagnostics.warning(
                    "cookie parameter '\(parameter.name)' is not supported yet; it is not sent",
                    at: location(parameter.mark), pointer: parameter.pointer.description)
                continue
            }
            let schema = parameter.schema ?? parameter.content.first?.mediaTypeObject.schema
            // A parameter defined in `components/parameters` names its inline type after itself, whichever
            // operation reaches it first.
            let hint =
                componentName(of: parameter.pointer, kind: "parameters").map { namer.typeName(for: $0) }
                ?? typePrefix + namer.typeName(for: parameter.name)
            let usage = schema.map { types.usage(for: $0, nameHint: hint) }
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
                        pointer: parameter.pointer,
                        constraints: schema.map {
                            $0.constraints.isEmpty ? (types.describedSchema($0)?.constraints ?? []) : $0.constraints
                        } ?? [])))
        }
        for placeholder in placeholders
        where !irParameters.contains(where: { $0.location == .path && $0.name == placeholder }) {
            diagnostics.error(
                "path template '\(path)' names '{\(placeholder)}', but the operation has no path parameter '\(placeholder)'",
                at: location(operation.mark), pointer: operation.pointer.description)
        }

        let requestBody = operation.requestBody.flatMap {
            resolveRequestBody($0, document: document, types: types, typePrefix: typePrefix, memberScope: &memberScope)
        }

        let responses = resolveResponses(
            of: operation, typePrefix: typePrefix, document: document, types: types)
        // Bodies of different types (JSON and an image), or documented headers: an enum of the responses.
        var bodies: [IR.Response] = []
        for body in responses.successVariants where body.type != nil {
            if !bodies.contains(where: { $0.type == body.type && $0.encoding == body.encoding }) { bodies.append(body) }
        }
        let returnsSuccessEnum = bodies.count > 1 || responses.successVariants.contains { !$0.headers.isEmpty }
        let returnType = returnsSuccessEnum ? nil : responses.success.compactMap(\.type).first

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

        var responseMediaTypes: [String] = []
        for (_, reference) in operation.responses {
            for (mediaType, _) in resolveResponse(reference, document: document)?.content ?? []
            where !responseMediaTypes.contains(mediaType) {
                responseMediaTypes.append(mediaType)
            }
        }
        var result = IR.Operation(
            functionName: functionName, operationID: operation.operationID, method: method.rawValue.uppercased(),
            path: path,
            documentation: IR.Documentation(
                summary: operation.summary, description: operation.description, pointer: operation.pointer),
            parameters: irParameters, requestBody: requestBody, success: responses.success,
            returnType: returnType,
            returnsOptional: returnType != nil
                && responses.success.contains { $0.type == nil && $0.status != "default" },
            errors: responses.errors, errorsWithoutBody: responses.errorsWithoutBody, credentials: usedCredentials,
            isDeprecated: operation.deprecated)
        result.responseMediaTypes = responseMediaTypes
        result.successVariants = responses.successVariants
        result.returnsSuccessEnum = returnsSuccessEnum
        return result
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

    func resolveRequestBody(
        _ reference: OpenAPI.Referenceable<OpenAPI.RequestBody>, document: OpenAPI.Document, types: TypeResolver,
        typePrefix: String, memberScope: inout NameScope
    ) -> IR.RequestBody? {
        guard
            let body = resolve(
                reference, in: document.components.requestBodies.map { ($0.name, $0.requestBody) },
                kind: "requestBodies", document: document)
        else { return nil }
        guard let json = body.content.first(where: { IR.BodyEncoding(mediaType: $0.mediaType) == .json }) else {
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
            // Read-only properties are the server's to set, and constants are fixed: neither is an argument.
            let sent = structure.properties.filter { !$0.isReadOnly && $0.constant == nil }
            var scope = memberScope
            let clash = sent.contains { scope.claim($0.swiftName) != $0.swiftName }
            if !clash {
                memberScope = scope
                flattened = sent
                structureName = name
            }
        }
        return IR.RequestBody(
            mediaType: json.mediaType, encoding: .json, type: usage.type, isRequired: body.required,
            flattenedProperties: flattened,
            structureName: structureName,
            documentation: IR.Documentation(description: body.description, pointer: body.pointer))
    }
}
