extension OpenAPI.Header: OpenAPI.Described {}

/// How `ModuleResolver` turns an operation's Responses Object into success and error responses: one success
/// response per status and media type, error bodies, and each response's documented headers.
extension ModuleResolver {
    /// What `resolveResponses` finds: successes (one per status, and every media type), errors with and
    /// without a body.
    struct ResolvedResponses {
        var success: [IR.Response] = []
        var successVariants: [IR.Response] = []
        var errors: [IR.ErrorResponse] = []
        var errorsWithoutBody: [IR.Response] = []
    }

    func resolveResponses(
        of operation: OpenAPI.Operation, typePrefix: String, document: OpenAPI.Document, types: TypeResolver
    ) -> ResolvedResponses {
        var result = ResolvedResponses()
        for (status, reference) in operation.responses {
            guard let response = types.index.resolve(reference, in: types.index.responses) else { continue }
            let isSuccess = status.hasPrefix("2")
            let documentation = IR.Documentation(description: response.description, pointer: response.pointer)
            // A response defined in `components/responses` names its inline body after itself.
            let component = ComponentIndex.componentName(at: response.pointer, kind: .responses).map {
                namer.typeName(for: $0)
            }
            let hint = component ?? (isSuccess ? typePrefix + "Response" : typePrefix + "Error" + status)
            let headers = resolveHeaders(
                of: response, typePrefix: component ?? typePrefix + namer.typeName(for: status), document: document,
                types: types)
            var supported = response.content.filter { IR.BodyEncoding(mediaType: $0.mediaType) != nil }
            // A streamed body (server-sent events, JSON Lines) beside others is the streaming method's: the
            // function returns the others (OpenAI's chat completion: JSON, or its chunks as events).
            let unstreamed = supported.filter { IR.Stream.Kind(mediaType: $0.mediaType) == nil }
            if isSuccess, !unstreamed.isEmpty { supported = unstreamed }
            let json = supported.first { IR.BodyEncoding(mediaType: $0.mediaType) == .json }
            // An error without a JSON body is thrown with its text (`text/html`: Box's `default`) or its bytes.
            let errorBody =
                json.map { ($0, IR.BodyEncoding.json) }
                ?? supported.lazy.filter { IR.Stream.Kind(mediaType: $0.mediaType) == nil }
                .compactMap { entry in IR.BodyEncoding(mediaType: entry.mediaType).map { (entry, $0) } }.first
            if supported.isEmpty, let other = response.content.first {
                diagnostics.warning(
                    "media type '\(other.mediaType)' describes no response body the client reads; the body of "
                        + "response '\(status)' is left undecoded in the response's bytes",
                    at: location(other.mediaTypeObject.mark), pointer: response.pointer.description)
            }
            if isSuccess {
                // One variant per media type whose body differs from the earlier ones' (in type or encoding):
                // `application/json` and `image/png` are two, `image/png` and `image/jpeg` one.
                var variants: [IR.Response] = []
                for (mediaType, object) in supported {
                    guard let encoding = IR.BodyEncoding(mediaType: mediaType) else { continue }
                    let type: IR.TypeUsage? =
                        switch encoding {
                        case .json: object.schema.map { types.usage(for: $0, nameHint: hint).type }
                        case .text: .string
                        // `init(mediaType:)` gives the request-only encodings for no media type.
                        case .binary, .form, .multipart: .bytes
                        }
                    guard !variants.contains(where: { $0.type == type && $0.encoding == encoding }) else { continue }
                    variants.append(
                        IR.Response(
                            status: status, type: type, mediaType: mediaType, encoding: encoding,
                            documentation: documentation, headers: headers))
                }
                if variants.isEmpty {
                    variants = [
                        IR.Response(
                            status: status, type: nil, mediaType: nil, encoding: .json, documentation: documentation,
                            headers: headers)
                    ]
                }
                result.successVariants += variants
                // The response style and a single return type keep one per status: JSON when there is one.
                result.success.append(variants.first { $0.encoding == .json } ?? variants[0])
            } else if let (entry, encoding) = errorBody, encoding != .json || entry.mediaTypeObject.schema != nil {
                let type: IR.TypeUsage =
                    switch encoding {
                    case .json:
                        entry.mediaTypeObject.schema.map { types.usage(for: $0, nameHint: hint).type } ?? .jsonValue
                    case .text: .string
                    case .binary, .form, .multipart: .bytes
                    }
                result.errors.append(
                    IR.ErrorResponse(
                        status: status, type: type, mediaType: entry.mediaType, encoding: encoding,
                        documentation: documentation, headers: headers))
            } else {
                result.errorsWithoutBody.append(
                    IR.Response(
                        status: status, type: nil, mediaType: nil, encoding: .json, documentation: documentation,
                        headers: headers))
            }
        }
        return result
    }

    /// The headers a response documents, typed by their schemas; `Content-Type` is not among them (OpenAPI
    /// ignores a header of that name), and a schema the header rules cannot decode is taken as a `String`.
    func resolveHeaders(
        of response: OpenAPI.Response, typePrefix: String, document: OpenAPI.Document, types: TypeResolver
    ) -> [IR.ResponseHeader] {
        var scope = NameScope(reserved: Constants.reservedResponseHeadersMemberNames)
        var headers: [IR.ResponseHeader] = []
        for (name, reference) in response.headers where name.lowercased() != "content-type" {
            // A reference the bundle left outside the document (DigitalOcean's shared header files reached
            // through a response put in place): the header stays reachable, untyped, in the response's fields.
            if case .reference(let ref) = reference, !ref.ref.hasPrefix("#") {
                diagnostics.warning(
                    "response header '\(name)' refers to '\(ref.ref)', which the generator does not follow here; it is left untyped in the response's header fields",
                    at: location(ref.mark), pointer: response.pointer.appending("headers").appending(name).description)
                continue
            }
            guard let header = types.index.resolve(reference, in: types.index.headers) else { continue }
            let pointer = response.pointer.appending("headers").appending(name)
            var hint = typePrefix + namer.typeName(for: name)
            if case .reference(let ref) = reference,
                let component = ComponentIndex.componentName(of: ref.ref, kind: .headers)
            {
                hint = namer.typeName(for: component)
            }
            var type = header.schema.map { types.usage(for: $0, nameHint: hint).type } ?? .string
            if !isHeaderDecodable(type, types: types) {
                diagnostics.warning(
                    "response header '\(name)' has a schema the generator cannot decode yet; it is taken as a String",
                    at: location(header.mark), pointer: pointer.description)
                type = .string
            }
            headers.append(
                IR.ResponseHeader(
                    name: name, swiftName: scope.claim(namer.memberName(for: name)), type: type,
                    isRequired: header.required,
                    documentation: IR.Documentation(
                        description: header.description ?? header.schema.flatMap(types.describedSchema)?.description,
                        pointer: pointer)))
        }
        return headers
    }

    /// Whether a header's value can be read as `type`: a scalar, an enum of strings, integers, numbers or
    /// Booleans, or a comma-separated array of those.
    func isHeaderDecodable(_ type: IR.TypeUsage, types: TypeResolver, inArray: Bool = false) -> Bool {
        switch type {
        case .string, .integer, .int32, .int64, .double, .float, .boolean, .dateTime, .date, .url, .uuid: return true
        case .array(let element): return !inArray && isHeaderDecodable(element, types: types, inArray: true)
        case .bytes, .jsonValue, .dictionary: return false
        case .declared(let name):
            switch types.declaration(named: name) {
            case .enumeration(let enumeration)?: return enumeration.rawType != .json
            case .alias(let alias)?: return isHeaderDecodable(alias.target, types: types, inArray: inArray)
            default: return false
            }
        }
    }
}
