/// How `ModuleResolver` turns an Operation Object into an `IR.Operation`: names, parameters, bodies, responses.
extension ModuleResolver {
    /// The function name: FastAPI's `<function>_<path>_<method>` operation ids lose their generated
    /// suffix; operations without an id are named from the method and path.
    func functionBaseName(_ operation: OpenAPI.Operation, method: OpenAPI.HTTPMethod, path: String) -> String {
        if let id = operation.operationID, !id.isEmpty {
            let pathFormat =
                Self.asciiPathFormat(path) ?? String(path.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
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

    /// A path with every character but letters, digits and `_` replaced by `_`, for ASCII text without a carriage
    /// return (where a character is a byte, and ASCII letters and digits are known by value); `nil` for other text.
    static func asciiPathFormat(_ path: String) -> String? {
        let bytes = path.utf8
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
        return String(
            decoding: bytes.map { byte in
                let isLetterOrDigit =
                    (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                return isLetterOrDigit || byte == UInt8(ascii: "_") ? byte : UInt8(ascii: "_")
            }, as: UTF8.self)
    }

    func resolveOperation(
        _ operation: OpenAPI.Operation, named functionName: String, method: OpenAPI.HTTPMethod, path: String,
        pathItem: OpenAPI.PathItem, document: OpenAPI.Document, types: TypeResolver, credentials: [IR.Credential]
    ) -> [IR.Operation] {
        let typePrefix = namer.typeName(for: functionName)
        var memberScope = NameScope(reserved: Constants.reservedOperationLocalNames)

        // Parameters: the path item's, overridden by the operation's with the same name and location.
        var parameters: [OpenAPI.Parameter] = []
        for reference in pathItem.parameters + operation.parameters {
            guard let parameter = types.index.resolve(reference, in: types.index.parameters) else { continue }
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
                ComponentIndex.componentName(at: parameter.pointer, kind: .parameters).map { namer.typeName(for: $0) }
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

        let operationName = operation.operationID ?? functionName
        let requestBodies =
            operation.requestBody.map {
                resolveRequestBodies(
                    $0, operationName: operationName, document: document, types: types, typePrefix: typePrefix,
                    memberScope: memberScope)
            } ?? []

        let responses = resolveResponses(
            of: operation, typePrefix: typePrefix, document: document, types: types)
        // Bodies of different types (JSON and an image), or documented headers: an enum of the responses.
        var bodies: [IR.Response] = []
        for body in responses.successVariants where body.type != nil {
            if !bodies.contains(where: { $0.type == body.type && $0.encoding == body.encoding }) { bodies.append(body) }
        }
        let returnsSuccessEnum = bodies.count > 1 || responses.successVariants.contains { !$0.headers.isEmpty }
        let returnType = returnsSuccessEnum ? nil : responses.success.compactMap(\.type).first

        let security = resolveSecurity(operation, document: document, index: types.index, credentials: credentials)
        var usedCredentials: [String] = []
        for name in security.joined() where !usedCredentials.contains(name) { usedCredentials.append(name) }

        var responseMediaTypes: [String] = []
        for (_, reference) in operation.responses {
            for (mediaType, _) in types.index.resolve(reference, in: types.index.responses)?.content ?? []
            where !responseMediaTypes.contains(mediaType) {
                responseMediaTypes.append(mediaType)
            }
        }
        var result = IR.Operation(
            functionName: functionName, operationID: operation.operationID, method: method.rawValue.uppercased(),
            path: path,
            documentation: IR.Documentation(
                summary: operation.summary, description: operation.description, pointer: operation.pointer),
            parameters: irParameters, requestBody: requestBodies.first?.body, success: responses.success,
            returnType: returnType,
            returnsOptional: returnType != nil
                && responses.success.contains { $0.type == nil && $0.status != "default" },
            errors: responses.errors, errorsWithoutBody: responses.errorsWithoutBody, credentials: usedCredentials,
            isDeprecated: operation.deprecated)
        result.responseMediaTypes = responseMediaTypes
        result.successVariants = responses.successVariants
        result.returnsSuccessEnum = returnsSuccessEnum
        result.security = security
        result.stream = resolveStream(
            operation, document: document, types: types, typePrefix: typePrefix, functionName: functionName)
        // One function per further media type of the request body, named with its suffix (claimed by the caller);
        // the streamed counterpart belongs to the first.
        return [result]
            + requestBodies.dropFirst().map { variant in
                var other = result
                other.functionName = functionName + variant.suffix
                other.requestBody = variant.body
                other.stream = nil
                return other
            }
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

    /// The request body's variants, one per media type the generator sends, JSON first and the others in document
    /// order: each becomes a function, the first named after the operation and the others with `suffix`
    /// (`createFileMultipart`). JSON and form bodies take an object's properties as arguments; other `multipart/`
    /// types than `multipart/form-data` are an error.
    func resolveRequestBodies(
        _ reference: OpenAPI.Referenceable<OpenAPI.RequestBody>, operationName: String, document: OpenAPI.Document,
        types: TypeResolver, typePrefix: String, memberScope: NameScope
    ) -> [(suffix: String, body: IR.RequestBody)] {
        guard let body = types.index.resolve(reference, in: types.index.requestBodies) else { return [] }
        var order = Array(body.content.indices)
        if let json = order.firstIndex(where: { IR.BodyEncoding(mediaType: body.content[$0].mediaType) == .json }) {
            order.insert(order.remove(at: json), at: 0)
        }
        var results: [(suffix: String, body: IR.RequestBody)] = []
        for index in order {
            let (mediaType, media) = body.content[index]
            let base = Self.baseMediaType(mediaType)
            let suffix = results.isEmpty ? "" : mediaTypeSuffix(mediaType)
            let hint =
                ComponentIndex.componentName(at: body.pointer, kind: .requestBodies).map {
                    namer.typeName(for: $0) + suffix
                }
                ?? typePrefix + suffix + "Request"
            var scope = memberScope
            if base == "multipart/form-data" {
                if let resolved = resolveMultipartBody(
                    mediaType: mediaType, media: media, body: body, operationName: operationName, document: document,
                    types: types, hint: hint, memberScope: &scope)
                {
                    results.append((suffix, resolved))
                }
                continue
            }
            if base.hasPrefix("multipart/") {
                diagnostics.error(
                    "request body '\(mediaType)' of operation '\(operationName)' cannot be sent: the generator sends 'multipart/form-data' only; describe the body as 'multipart/form-data' or remove this media type",
                    at: location(media.mark), pointer: body.pointer.description)
                continue
            }
            let isForm = Self.isFormMediaType(mediaType)
            let encoding = isForm ? IR.BodyEncoding.form : IR.BodyEncoding(mediaType: mediaType)
            guard let encoding else { continue }
            guard encoding == .json || encoding == .form else {
                // Text is sent as a String, anything else as the caller's bytes.
                results.append(
                    (
                        suffix,
                        IR.RequestBody(
                            mediaType: mediaType, encoding: encoding, type: encoding == .text ? .string : .bytes,
                            isRequired: body.required, flattenedProperties: nil, structureName: nil,
                            documentation: IR.Documentation(description: body.description, pointer: body.pointer))
                    ))
                continue
            }
            guard let schema = media.schema else {
                if isForm {
                    diagnostics.error(
                        "the form body of operation '\(operationName)' has no schema, so the generator does not know its fields",
                        at: location(media.mark), pointer: body.pointer.description)
                }
                continue
            }
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
                var attempt = scope
                let clash = sent.contains { attempt.claim($0.swiftName) != $0.swiftName }
                if !clash {
                    flattened = sent
                    structureName = name
                }
            }
            var formFields: [IR.FormField] = []
            if isForm {
                guard
                    let fields = self.formFields(
                        of: usage.type, mediaType: media, body: body, types: types, operation: operationName)
                else { continue }
                formFields = fields
            }
            var result = IR.RequestBody(
                mediaType: mediaType, encoding: encoding, type: usage.type, isRequired: body.required,
                flattenedProperties: flattened,
                structureName: structureName,
                documentation: IR.Documentation(description: body.description, pointer: body.pointer))
            result.formFields = formFields
            result.isNullable = usage.isNullable
            results.append((suffix, result))
        }
        return results
    }
}
