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
        // Path parameters already reported as impossible to send, so that their placeholder is not reported again.
        var rejectedPathParameters: Set<String> = []
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
            let schema = parameter.schema ?? parameter.content.first?.mediaTypeObject.schema
            // A parameter defined in `components/parameters` names its inline type after itself, whichever
            // operation reaches it first.
            let hint =
                componentName(of: parameter.pointer, kind: "parameters").map { namer.typeName(for: $0) }
                ?? typePrefix + namer.typeName(for: parameter.name)
            let usage = schema.map { types.usage(for: $0, nameHint: hint) }
            let type = usage?.type ?? .string
            guard
                let serialisation = parameterSerialisation(
                    parameter, type: type, types: types, operation: operation.operationID ?? functionName)
            else {
                if parameter.location == .path { rejectedPathParameters.insert(parameter.name) }
                continue
            }
            irParameters.append(
                IR.Parameter(
                    name: parameter.name, swiftName: memberScope.claim(namer.memberName(for: parameter.name)),
                    location: parameter.location, type: type, isRequired: parameter.required,
                    explode: serialisation.explode, style: serialisation.style,
                    documentation: IR.Documentation(
                        description: parameter.description ?? schema.flatMap(types.describedSchema)?.description
                            ?? schema.flatMap(types.describedSchema)?.title,
                        pointer: parameter.pointer,
                        constraints: schema.map {
                            $0.constraints.isEmpty ? (types.describedSchema($0)?.constraints ?? []) : $0.constraints
                        } ?? []),
                    allowReserved: parameter.allowReserved, isJSONContent: serialisation.isJSON,
                    isPlain: serialisation.isPlain))
        }
        for placeholder in placeholders
        where !irParameters.contains(where: { $0.location == .path && $0.name == placeholder })
            && !rejectedPathParameters.contains(placeholder)
        {
            diagnostics.error(
                "path template '\(path)' names '{\(placeholder)}', but the operation has no path parameter '\(placeholder)'",
                at: location(operation.mark), pointer: operation.pointer.description)
        }

        let requestBody = operation.requestBody.flatMap {
            resolveRequestBody(
                $0, document: document, types: types, typePrefix: typePrefix, memberScope: &memberScope,
                operationName: operation.operationID ?? functionName)
        }

        var success: [IR.Response] = []
        var errors: [IR.ErrorResponse] = []
        var errorsWithoutBody: [IR.Response] = []
        for (status, reference) in operation.responses {
            guard let response = resolveResponse(reference, document: document) else { continue }
            let isSuccess = status.hasPrefix("2")
            // JSON first; otherwise text or raw bytes, which successful responses return as they are.
            let json = response.content.first { IR.BodyEncoding(mediaType: $0.mediaType) == .json }
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
                        reserved: Constants.reservedErrorCaseNames.union(errorCases.map(\.caseName)))
                    caseName = scope.claim(types.caseName(for: usage.type))
                    errorCases.append(IR.ErrorCase(caseName: caseName, type: usage.type, statuses: [status]))
                }
                errors.append(
                    IR.ErrorResponse(
                        status: status, type: usage.type, errorCaseName: caseName, documentation: documentation))
            } else {
                errorsWithoutBody.append(
                    IR.Response(
                        status: status, type: nil, mediaType: nil, encoding: .json, documentation: documentation))
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

        let security = resolveSecurity(operation, document: document, credentials: credentials)
        var usedCredentials: [String] = []
        for name in security.joined() where !usedCredentials.contains(name) { usedCredentials.append(name) }

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
            parameters: irParameters, requestBody: requestBody, success: success,
            returnType: returnType,
            returnsOptional: returnType != nil && success.contains { $0.type == nil && $0.status != "default" },
            errors: errors, errorsWithoutBody: errorsWithoutBody, credentials: usedCredentials,
            isDeprecated: operation.deprecated)
        result.responseMediaTypes = responseMediaTypes
        result.security = security
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
        typePrefix: String, memberScope: inout NameScope, operationName: String
    ) -> IR.RequestBody? {
        guard
            let body = resolve(
                reference, in: document.components.requestBodies.map { ($0.name, $0.requestBody) },
                kind: "requestBodies", document: document)
        else { return nil }
        // JSON first, then a form; each object schema's properties become arguments.
        let chosen =
            body.content.first(where: { IR.BodyEncoding(mediaType: $0.mediaType) == .json })
            ?? body.content.first(where: { Self.isFormMediaType($0.mediaType) })
        guard let json = chosen else {
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
        let isForm = Self.isFormMediaType(json.mediaType)
        guard let schema = json.mediaTypeObject.schema else {
            if isForm {
                diagnostics.error(
                    "the form body of operation '\(operationName)' has no schema, so the generator does not know its fields",
                    at: location(json.mediaTypeObject.mark), pointer: body.pointer.description)
            }
            return nil
        }
        let hint =
            componentName(of: body.pointer, kind: "requestBodies").map { namer.typeName(for: $0) } ?? typePrefix
            + "Request"
        let usage = types.usage(for: schema, nameHint: hint)
        var flattened: [IR.Property]?
        var structureName: String?
        // A nullable body is not flattened: its arguments could not send `null`.
        if case .declared(let name) = usage.type, body.required, !usage.isNullable,
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
        var formFields: [IR.FormField] = []
        if isForm {
            guard
                let fields = self.formFields(
                    of: usage.type, mediaType: json.mediaTypeObject, body: body, types: types, operation: operationName)
            else { return nil }
            formFields = fields
        }
        var result = IR.RequestBody(
            mediaType: json.mediaType, encoding: isForm ? .form : .json, type: usage.type, isRequired: body.required,
            flattenedProperties: flattened,
            structureName: structureName,
            documentation: IR.Documentation(description: body.description, pointer: body.pointer))
        result.formFields = formFields
        result.isNullable = usage.isNullable
        return result
    }
}
