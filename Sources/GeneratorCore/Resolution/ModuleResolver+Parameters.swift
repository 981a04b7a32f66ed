/// How `ModuleResolver` decides how a parameter or a form body's property is serialised: its style and
/// explode, whether its `content` makes it JSON text, and whether the style can express its schema's shape.
/// What cannot be sent exactly as the document says is an error, never a method that sends something else.
extension ModuleResolver {
    /// A parameter's serialisation, checked against its location and schema.
    struct ParameterSerialisation {
        var style: String
        var explode: Bool
        var isJSON: Bool
        /// A scalar (or in a query, an array of scalars) in the default style: no `ParameterEncoding` needed.
        var isPlain: Bool
    }

    /// The styles each location allows (OpenAPI 3.1, "Style Values"), the default first.
    static let stylesByLocation: [OpenAPI.ParameterLocation: [String]] = [
        .path: ["simple", "label", "matrix"],
        .query: ["form", "spaceDelimited", "pipeDelimited", "deepObject"],
        .header: ["simple"],
        .cookie: ["form"],
    ]

    /// The styles of a form body's Encoding Object, the default first.
    static let formStyles = ["form", "spaceDelimited", "pipeDelimited", "deepObject"]

    /// Whether a media type is JSON (`application/json`, `*/*+json`).
    static func isJSONMediaType(_ mediaType: String) -> Bool {
        IR.BodyEncoding(mediaType: mediaType) == .json
    }

    /// Whether a media type is `application/x-www-form-urlencoded`.
    static func isFormMediaType(_ mediaType: String) -> Bool {
        baseMediaType(mediaType) == "application/x-www-form-urlencoded"
    }

    /// The parameter's serialisation; `nil`, with an error naming the operation and the parameter, when its
    /// style does not exist, is not allowed where it is, or cannot express its schema.
    func parameterSerialisation(
        _ parameter: OpenAPI.Parameter, type: IR.TypeUsage, types: TypeResolver, operation: String
    ) -> ParameterSerialisation? {
        let what = "\(parameter.location.rawValue) parameter '\(parameter.name)' of operation '\(operation)'"
        let allowed = Self.stylesByLocation[parameter.location] ?? ["simple"]
        var isJSON = false
        if parameter.schema == nil, let content = parameter.content.first {
            if Self.isJSONMediaType(content.mediaType) {
                isJSON = true
            } else if depth(of: type, types: types) > 0 {
                diagnostics.error(
                    "\(what) is described by 'content' of media type '\(content.mediaType)', which the generator cannot serialise for a value that is not a scalar; use a JSON media type",
                    at: location(content.mediaTypeObject.mark), pointer: parameter.pointer.description)
                return nil
            }
        }
        let style = parameter.style ?? allowed[0]
        guard allowed.contains(style) else {
            let expected = "; expected " + allowed.map { "'\($0)'" }.joined(separator: ", ")
            let reason: String
            if Self.stylesByLocation.values.contains(where: { $0.contains(style) }) {
                reason = "is not allowed in \(parameter.location.rawValue)" + expected
            } else {
                let suggestion = Suggestion.clause(for: style, among: allowed)
                reason = "is not an OpenAPI style" + (suggestion.isEmpty ? expected : suggestion)
            }
            diagnostics.error(
                "\(what) has style '\(style)', which \(reason)", at: location(parameter.mark),
                pointer: parameter.pointer.description)
            return nil
        }
        let explode = parameter.explode ?? (style == "form")
        if !isJSON, let problem = shapeProblem(of: type, style: style, types: types) {
            // Nothing is lost: the whole value goes as its JSON text, the one encoding that nests (Box's
            // `mdfilters`, an array of objects in style `form`, is documented as a JSON array).
            diagnostics.warning(
                "\(what) cannot be sent in style '\(style)': \(problem); it is sent as JSON text, as with 'content: application/json'",
                at: location(parameter.mark), pointer: parameter.pointer.description)
            isJSON = true
        }
        var isPlain = false
        if !isJSON, !parameter.allowReserved, style == allowed[0] || parameter.location == .query,
            parameter.location != .cookie, style != "deepObject"
        {
            if case .array(let element) = type {
                isPlain = parameter.location == .query && types.isParameterRepresentable(element, inQuery: false)
            } else {
                isPlain =
                    style == allowed[0] && types.isParameterRepresentable(type, inQuery: false)
                    && depth(of: type, types: types) == 0
            }
        }
        return ParameterSerialisation(style: style, explode: explode, isJSON: isJSON, isPlain: isPlain)
    }

    /// Why a style cannot express values of a type, or `nil` when it can: `deepObject` nests objects and arrays
    /// (`a[b][0]=…`); the other styles hold a scalar, an array of scalars or an object of scalars.
    func shapeProblem(of type: IR.TypeUsage, style: String, types: TypeResolver) -> String? {
        if style == "deepObject" { return nil }
        let depth = depth(of: type, types: types)
        guard depth > 1 else { return nil }
        return depth == Int.max
            ? "its schema is recursive, and only 'deepObject' (or 'content: application/json') nests values"
            : "its schema nests arrays or objects inside an array or object, and only 'deepObject' (or 'content: application/json') nests values"
    }

    /// How deeply values of a type nest: 0 for a scalar (or a free-form value, whose nested parts are sent as
    /// JSON text), 1 for an array or object of scalars, and so on; `Int.max` for a recursive type.
    func depth(of type: IR.TypeUsage, types: TypeResolver, visiting: Set<String> = []) -> Int {
        func nested(_ inner: IR.TypeUsage) -> Int {
            let value = depth(of: inner, types: types, visiting: visiting)
            return value == Int.max ? value : value + 1
        }
        switch type {
        case .string, .integer, .int32, .int64, .double, .float, .boolean, .dateTime, .date, .bytes, .url, .uuid,
            .jsonValue:
            return 0
        case .array(let element): return nested(element)
        case .dictionary(let value): return nested(value)
        case .declared(let name):
            guard !visiting.contains(name) else { return Int.max }
            let inside = visiting.union([name])
            switch types.declaration(named: name) {
            case .structure(let structure)?:
                let members =
                    structure.properties.filter { !$0.isReadOnly }.map(\.type)
                    + (structure.additionalProperties.map { [$0] } ?? [])
                let deepest = members.map { depth(of: $0, types: types, visiting: inside) }.max() ?? 0
                return deepest == Int.max ? deepest : deepest + 1
            case .union(let union)?:
                return union.members.map { depth(of: $0.type, types: types, visiting: inside) }.max() ?? 0
            case .alias(let alias)?:
                return depth(of: alias.target, types: types, visiting: inside)
            case .enumeration?, nil:
                return 0
            }
        }
    }

    /// The Encoding Objects of a form body's properties; `nil`, with an error naming the operation (and the
    /// property), when the body is not an object or one of its properties cannot be sent as it says. A map
    /// (`additionalProperties` only) sends its entries; a free-form object sends what it holds.
    func formFields(
        of type: IR.TypeUsage, mediaType: OpenAPI.MediaType, body: OpenAPI.RequestBody, types: TypeResolver,
        operation: String
    ) -> [IR.FormField]? {
        switch type {
        case .declared(let name):
            switch types.declaration(named: name) {
            case .structure(let structure)?:
                return formFields(of: structure, mediaType: mediaType, body: body, types: types, operation: operation)
            case .alias(let alias)?:
                return formFields(
                    of: alias.target, mediaType: mediaType, body: body, types: types, operation: operation)
            default: break
            }
        case .jsonValue:
            return []
        case .dictionary:
            if let problem = shapeProblem(of: type, style: "form", types: types) {
                diagnostics.error(
                    "the entries of the form body of operation '\(operation)' cannot be sent in style 'form': \(problem)",
                    at: location(mediaType.mark), pointer: body.pointer.description)
                return nil
            }
            return []
        default: break
        }
        diagnostics.error(
            "the form body of operation '\(operation)' is not an object schema; an application/x-www-form-urlencoded body is a list of named fields",
            at: location(mediaType.mark), pointer: body.pointer.description)
        return nil
    }

    /// The Encoding Objects of an object form body's properties.
    func formFields(
        of structure: IR.Structure, mediaType: OpenAPI.MediaType, body: OpenAPI.RequestBody, types: TypeResolver,
        operation: String
    ) -> [IR.FormField]? {
        var fields: [IR.FormField] = []
        var failed = false
        let encodings = Dictionary(mediaType.encoding.map { ($0.name, $0.encoding) }, uniquingKeysWith: { a, _ in a })
        for property in structure.properties where !property.isReadOnly {
            let encoding = encodings[property.jsonName]
            let what = "property '\(property.jsonName)' of the form body of operation '\(operation)'"
            let mark = encoding?.mark ?? mediaType.mark
            var isJSON = encoding?.contentType.map(Self.isJSONMediaType) ?? false
            let style = encoding?.style ?? Self.formStyles[0]
            guard Self.formStyles.contains(style) else {
                diagnostics.error(
                    "\(what) has style '\(style)', which a form body cannot use; expected \(Self.formStyles.map { "'\($0)'" }.joined(separator: ", "))",
                    at: location(mark), pointer: body.pointer.description)
                failed = true
                continue
            }
            if !isJSON, let problem = shapeProblem(of: property.type, style: style, types: types) {
                // Nothing is lost: the value goes as its JSON text (the swagger petstore's `tags`, an array of
                // objects), as an Encoding Object with `contentType: application/json` would send it.
                diagnostics.warning(
                    "\(what) cannot be sent in style '\(style)': \(problem); it is sent as JSON text (give it 'style: deepObject' in the media type's 'encoding' to send it in brackets)",
                    at: location(mark), pointer: body.pointer.description)
                isJSON = true
                fields.append(
                    IR.FormField(
                        jsonName: property.jsonName, style: style, explode: encoding?.explode ?? (style == "form"),
                        allowReserved: encoding?.allowReserved ?? false, isJSON: true))
                continue
            }
            if encoding != nil {
                fields.append(
                    IR.FormField(
                        jsonName: property.jsonName, style: style, explode: encoding?.explode ?? (style == "form"),
                        allowReserved: encoding?.allowReserved ?? false, isJSON: isJSON))
            }
        }
        if let additional = structure.additionalProperties,
            let problem = shapeProblem(of: additional, style: "form", types: types)
        {
            diagnostics.error(
                "the undeclared properties of the form body of operation '\(operation)' cannot be sent in style 'form': \(problem)",
                at: location(mediaType.mark), pointer: body.pointer.description)
            failed = true
        }
        return failed ? nil : fields
    }
}
