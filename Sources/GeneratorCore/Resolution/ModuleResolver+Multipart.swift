/// How `ModuleResolver` turns a request body with several media types into one function per media type, and a
/// `multipart/form-data` body into parts.
extension ModuleResolver {
    /// What a function for a further media type adds to the operation's name: `Multipart` for
    /// `multipart/form-data`, `Text` for `text/plain`, `Form` for `application/x-www-form-urlencoded`, otherwise the subtype (`application/sdp` → `Sdp`).
    func mediaTypeSuffix(_ mediaType: String) -> String {
        let base = Self.baseMediaType(mediaType)
        switch base {
        case "multipart/form-data": return "Multipart"
        case "text/plain": return "Text"
        case "application/json": return "JSON"
        case "application/x-www-form-urlencoded": return "Form"
        default:
            let subtype = base.split(separator: "/").last.map(String.init) ?? base
            let name = namer.typeName(for: subtype)
            return name.contains(where: \.isLetter) ? name : "Bytes"
        }
    }

    /// The media type without parameters, lowercased: `multipart/form-data`.
    static func baseMediaType(_ mediaType: String) -> String {
        if let base = asciiBaseMediaType(mediaType) { return base }
        return mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            ?? ""
    }

    /// `baseMediaType` for ASCII text, read byte by byte (Foundation's trimming costs a microsecond a call, and a
    /// large document asks for every media type of every operation several times): the first piece between
    /// semicolons that is not empty, without the spaces and tabs around it (the whitespace of ASCII), in lowercase.
    /// `nil` for text that is not ASCII.
    static func asciiBaseMediaType(_ mediaType: String) -> String? {
        let bytes = mediaType.utf8
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        // Most media types are their own base (`application/json`: no capital, no parameter, no blank around it),
        // and are returned as they are, without making a string.
        var isOwnBase = !(bytes.first.map(isBlank) ?? false) && !(bytes.last.map(isBlank) ?? false)
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: ";") || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) {
                isOwnBase = false
            }
        }
        if isOwnBase { return mediaType }
        var start = bytes.startIndex
        while start < bytes.endIndex, bytes[start] == UInt8(ascii: ";") { start = bytes.index(after: start) }
        var end = start
        while end < bytes.endIndex, bytes[end] != UInt8(ascii: ";") { end = bytes.index(after: end) }
        while start < end, isBlank(bytes[start]) { start = bytes.index(after: start) }
        while start < end, isBlank(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return String(
            decoding: bytes[start..<end].map {
                $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 0x20 : $0
            }, as: UTF8.self)
    }

    /// A schema with its chain of references followed (see `ComponentIndex.followed`).
    func followed(_ schema: OpenAPI.Schema?, types: TypeResolver) -> OpenAPI.Schema? {
        schema.flatMap(types.index.followed)
    }

    /// Whether a property schema describes a file: a string with `format: binary` (or `byte`), a
    /// `contentMediaType` or a `contentEncoding`.
    static func isFileSchema(_ schema: OpenAPI.Schema) -> Bool {
        guard schema.types.isEmpty || schema.types.contains("string") else { return false }
        return schema.format == "binary" || schema.format == "byte" || schema.contentMediaType != nil
            || schema.contentEncoding != nil
    }

    /// Whether a property schema is a file (`format: binary`…), an array of files, or a `oneOf`/`anyOf` of those
    /// (OpenAI's `image`: one file or several): the file schema, and whether the caller passes an array.
    func fileShape(_ schema: OpenAPI.Schema, types: TypeResolver, depth: Int = 0) -> (
        schema: OpenAPI.Schema, isArray: Bool
    )? {
        guard depth < 8 else { return nil }
        if Self.isFileSchema(schema) { return (schema, false) }
        if schema.types.contains("array"), let items = followed(schema.items, types: types), Self.isFileSchema(items) {
            return (items, true)
        }
        let members = (schema.oneOf + schema.anyOf).compactMap { followed($0, types: types) }
            .filter { $0.types != ["null"] }
        guard !members.isEmpty else { return nil }
        var shapes: [(schema: OpenAPI.Schema, isArray: Bool)] = []
        for member in members {
            guard let shape = fileShape(member, types: types, depth: depth + 1) else { return nil }
            shapes.append(shape)
        }
        return (shapes[0].schema, shapes.contains { $0.isArray })
    }

    /// The body of a `multipart/form-data` media type: one part per property of its object schema, each an
    /// argument of the function (claimed in `memberScope`); `nil`, with an error naming the operation, when the
    /// schema does not say what the parts are.
    func resolveMultipartBody(
        mediaType: String, media: OpenAPI.MediaType, body: OpenAPI.RequestBody, operationName: String,
        document: OpenAPI.Document, types: TypeResolver, hint: String, memberScope: inout NameScope
    ) -> IR.RequestBody? {
        func refuse(_ reason: String) -> IR.RequestBody? {
            diagnostics.error(
                "request body '\(mediaType)' of operation '\(operationName)' \(reason); a multipart body needs an object schema whose properties are its parts",
                at: location(media.mark), pointer: body.pointer.description)
            return nil
        }
        guard let schema = media.schema else { return refuse("has no schema") }
        let usage = types.usage(for: schema, nameHint: hint)
        guard case .declared(let name) = usage.type, case .structure(let structure)? = types.declaration(named: name)
        else {
            return refuse("is not an object")
        }
        var visited = Set<JSONPointer>()
        var rawSchemas: [String: OpenAPI.Schema] = [:]
        for (propertyName, propertySchema, _) in types.collectProperties(schema, visited: &visited).properties {
            rawSchemas[propertyName] = propertySchema
        }
        let encodings = Dictionary(
            media.encoding.map { ($0.name, $0.encoding) }, uniquingKeysWith: { first, _ in first })
        var parts: [IR.MultipartPart] = []
        var failed = false
        for property in structure.properties where !property.isReadOnly {
            var type = property.type
            if case .declared(let alias) = type, case .alias(let value)? = types.declaration(named: alias) {
                type = value.target
            }
            let raw = followed(rawSchemas[property.jsonName], types: types)
            let file = raw.flatMap { fileShape($0, types: types) }
            var isArray = file?.isArray ?? false
            if file == nil, case .array(let item) = type {
                isArray = true
                type = item
            }
            let kind: IR.MultipartPart.Kind
            var isBase64 = false
            var contentType = encodings[property.jsonName]?.contentType?.trimmingCharacters(in: .whitespaces)
            if let raw = file?.schema {
                kind = .file
                let contentEncoding = raw.contentEncoding?.lowercased()
                isBase64 = raw.format == "byte" || contentEncoding == "base64"
                if let contentEncoding, !["base64", "7bit", "8bit", "binary"].contains(contentEncoding) {
                    diagnostics.error(
                        "contentEncoding '\(raw.contentEncoding ?? "")' of part '\(property.jsonName)' of operation '\(operationName)' is not supported; the generator sends files as they are or in 'base64'",
                        at: location(raw.mark), pointer: raw.pointer.description)
                    failed = true
                }
                // A list or a wildcard (`image/png, image/jpeg`, `image/*`) names no one type: the caller's file
                // says which, otherwise the first listed.
                contentType =
                    (contentType ?? raw.contentMediaType).flatMap {
                        $0.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
                    }
                if contentType?.contains("*") == true { contentType = nil }
            } else if types.isParameterRepresentable(type, inQuery: false) {
                kind = .text
            } else {
                kind = .json
            }
            var headers: [IR.MultipartHeader] = []
            for (headerName, reference) in encodings[property.jsonName]?.headers ?? []
            where headerName.lowercased() != "content-type" {
                guard let header = types.index.resolve(reference, in: types.index.headers) else { continue }
                let headerSchema = followed(header.schema, types: types)
                let fixed =
                    headerSchema.flatMap(TypeResolver.constant(of:))
                    ?? headerSchema.flatMap { IR.Literal($0.defaultValue) }
                var headerType = IR.TypeUsage.string
                if let headerSchema = header.schema {
                    let headerUsage = types.usage(
                        for: headerSchema, nameHint: hint + namer.typeName(for: property.jsonName + "-" + headerName))
                    if types.isParameterRepresentable(headerUsage.type, inQuery: false) {
                        headerType = headerUsage.type
                    }
                }
                headers.append(
                    IR.MultipartHeader(
                        name: headerName, value: fixed?.text,
                        swiftName: fixed == nil
                            ? memberScope.claim(namer.memberName(for: property.jsonName + "-" + headerName)) : "",
                        type: headerType, isRequired: header.required,
                        description: header.description))
            }
            var claimed = property
            if property.constant == nil { claimed.swiftName = memberScope.claim(property.swiftName) }
            parts.append(
                IR.MultipartPart(
                    property: claimed, kind: kind, isArray: isArray, contentType: contentType, isBase64: isBase64,
                    headers: headers))
        }
        if failed { return nil }
        var result = IR.RequestBody(
            mediaType: mediaType, encoding: .multipart, type: usage.type, isRequired: body.required,
            flattenedProperties: nil, structureName: name,
            documentation: IR.Documentation(description: body.description, pointer: body.pointer))
        result.multipartParts = parts
        return result
    }
}
