import Dispatch

/// Decodes a YAML node tree into an `OpenAPI.Document`, reporting each problem with its position.
///
/// Decoding keeps going after problems so that one run reports as many as it can; the result is `nil`
/// only when the root itself is unusable.
public struct DocumentDecoder {
    let context: DecodingContext
    /// Whether `decode(_:)` decodes the components on a second thread while it decodes the paths: worth it for a
    /// large document on a machine with two cores or more (`Pipeline` sets it as for a threaded parse). The result
    /// and the diagnostics, in their order, are the same either way.
    public var decodesComponentsConcurrently = false

    /// - Parameters:
    ///   - file: the path printed in diagnostics.
    ///   - diagnostics: where problems go (errors for what cannot be used, warnings for what is ignored).
    public init(file: String, diagnostics: DiagnosticCollector) {
        self.context = DecodingContext(file: file, diagnostics: diagnostics)
    }

    public func decode(_ root: YAMLNode) -> OpenAPI.Document? {
        decode(root, concurrentlyWith: nil)
    }

    /// Decodes `root` while `work` runs beside it: with `decodesComponentsConcurrently`, on the thread that decodes
    /// the paths, before it starts on them (the components' thread then starts on the paths, and the first joins it
    /// once `work` returns); otherwise first. `work` runs once, whatever the document holds, and has returned when
    /// this does. It must not touch what the decode touches but the tree, which both only read.
    public func decode(_ root: YAMLNode, alongside work: () -> Void) -> OpenAPI.Document? {
        var hasRun = false
        let document = withoutActuallyEscaping(work) { work in
            decode(
                root,
                concurrentlyWith: {
                    work()
                    hasRun = true
                })
        }
        if !hasRun { work() }
        return document
    }

    /// `decode(_:alongside:)`, which runs `work` only when it decodes concurrently.
    private func decode(_ root: YAMLNode, concurrentlyWith work: (() -> Void)?) -> OpenAPI.Document? {
        let pointer = JSONPointer()
        guard let reader = MappingReader(root, at: pointer, context: context, what: "the document") else { return nil }
        if let swagger = root["swagger"], root["openapi"] == nil {
            let version = swagger.scalar?.text ?? "2.0"
            context.error(
                "this is a Swagger \(version) document; openapi-codegen reads OpenAPI 3.0 and 3.1: convert it first, "
                    + "for example with 'npx swagger2openapi <file> -o openapi.yaml' or the Swagger Editor's "
                    + "'Edit > Convert to OpenAPI 3'",
                at: swagger, pointer: pointer.appending("swagger"))
            return nil
        }
        reader.warnAboutUnknownKeys(
            [
                "openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs", "webhooks",
                "jsonSchemaDialect",
            ],
            vocabulary: "an OpenAPI Object field")
        guard let version = reader.requiredString("openapi") else { return nil }
        guard version.hasPrefix("3.0") || version.hasPrefix("3.1") else {
            context.error(
                "OpenAPI version '\(version)' is not supported; expected 3.0.x or 3.1.x", at: root["openapi"]!,
                pointer: pointer.appending("openapi"))
            return nil
        }
        var info = OpenAPI.Info(title: "API", version: "")
        if let node = root["info"] {
            info = decodeInfo(node, at: pointer.appending("info")) ?? info
        } else {
            context.error("missing required field 'info'", at: root, pointer: pointer)
        }
        let servers = decodeServers(reader) ?? []
        let paths: [(String, OpenAPI.PathItem)]
        let components: OpenAPI.Components
        if decodesComponentsConcurrently, let node = root["components"] {
            (paths, components) = decodeConcurrently(paths: reader, components: node, alongside: work)
        } else {
            paths = decodePaths(reader)
            components =
                root["components"].map { decodeComponents($0, at: pointer.appending("components")) }
                ?? OpenAPI.Components()
        }
        let security = root["security"].map { decodeSecurity($0, at: pointer.appending("security")) }
        return OpenAPI.Document(
            version: version, info: info, servers: servers, paths: paths, components: components, security: security)
    }

    /// The document's paths, in document order.
    func decodePaths(_ reader: MappingReader) -> [(String, OpenAPI.PathItem)] {
        guard let pathPairs = reader.mapping("paths") else { return [] }
        return decodePaths(pathPairs[...], in: reader)
    }

    /// Some of the pairs of the `paths` of the document `reader` reads, in their order.
    func decodePaths(_ pathPairs: ArraySlice<YAMLPair>, in reader: MappingReader) -> [(String, OpenAPI.PathItem)] {
        var paths: [(String, OpenAPI.PathItem)] = []
        for pair in pathPairs {
            guard let path = pair.key.scalar?.text else { continue }
            let itemPointer = reader.pointer.appending("paths").appending(path)
            if !path.hasPrefix("/") {
                context.error("path '\(path)' must start with '/'", at: pair.key, pointer: itemPointer)
            }
            if let item = decodePathItem(pair.value, at: itemPointer) { paths.append((path, item)) }
        }
        return paths
    }

    /// The paths of the document `reader` reads and its components, decoded from `node`, on two threads at once
    /// (``concurrently(_:_:)``): one thread decodes the components, then joins the other in decoding the path items,
    /// in blocks of `pathBlockSize` that each thread claims in turn (`BlockClaims`), so that both end together (on
    /// stripe, the paths took 158M instructions and the components 67M: one thread for each left the components'
    /// thread idle for a third of the phase). Each block and the components report to collectors of their own,
    /// emitted afterwards in the order of a decode on one thread: the paths' by block, then the components'. `work`,
    /// when given, runs on the paths' thread before it claims a block.
    private func decodeConcurrently(
        paths reader: MappingReader, components node: YAMLNode, alongside work: (() -> Void)?
    ) -> ([(String, OpenAPI.PathItem)], OpenAPI.Components) {
        // A `paths` that is no mapping is reported here, first, as on one thread.
        let pathPairs = reader.mapping("paths") ?? []
        let blockSize = Self.pathBlockSize
        let claims = BlockClaims(count: (pathPairs.count + blockSize - 1) / blockSize)
        typealias Block = (block: Int, paths: [(String, OpenAPI.PathItem)], diagnostics: [Diagnostic])
        func decodeClaimedBlocks() -> [Block] {
            var blocks: [Block] = []
            while let block = claims.next() {
                let diagnostics = DiagnosticCollector()
                let decoder = DocumentDecoder(file: context.file, diagnostics: diagnostics)
                let pairs = pathPairs[block * blockSize..<min(pathPairs.count, block * blockSize + blockSize)]
                blocks.append((block, decoder.decodePaths(pairs, in: reader), diagnostics.diagnostics))
            }
            return blocks
        }
        let componentDiagnostics = DiagnosticCollector()
        let componentDecoder = DocumentDecoder(file: context.file, diagnostics: componentDiagnostics)
        // Each block and the components are decoded by a decoder of their own, which reports to its own collector.
        let (first, (components, second)) = concurrently(
            {
                work?()
                return decodeClaimedBlocks()
            },
            {
                let components = componentDecoder.decodeComponents(node, at: reader.pointer.appending("components"))
                return (components, decodeClaimedBlocks())
            })
        // Every block was claimed once and decoded: put them back in order.
        var ordered = [Block?](repeating: nil, count: claims.count)
        for block in first + second { ordered[block.block] = block }
        var paths: [(String, OpenAPI.PathItem)] = []
        paths.reserveCapacity(pathPairs.count)
        for case let block? in ordered {
            paths.append(contentsOf: block.paths)
            for diagnostic in block.diagnostics { context.diagnostics.emit(diagnostic) }
        }
        for diagnostic in componentDiagnostics.diagnostics { context.diagnostics.emit(diagnostic) }
        return (paths, components)
    }

    /// The number of path items in a block of `decodeConcurrently`: small enough that the two threads end close
    /// together (stripe has 318 path items, about 150 µs each), large enough that claims are rare.
    static let pathBlockSize = 8

    // MARK: - Small objects

    func decodeInfo(_ node: YAMLNode, at pointer: JSONPointer) -> OpenAPI.Info? {
        guard let reader = MappingReader(node, at: pointer, context: context, what: "'info'") else { return nil }
        reader.warnAboutUnknownKeys(
            ["title", "version", "summary", "description", "termsOfService", "contact", "license"],
            vocabulary: "an Info Object field")
        return OpenAPI.Info(
            title: reader.requiredString("title") ?? "API", version: reader.requiredString("version") ?? "",
            summary: reader.string("summary"), description: reader.string("description"))
    }

    func decodeServer(_ node: YAMLNode, at pointer: JSONPointer) -> OpenAPI.Server? {
        guard let reader = MappingReader(node, at: pointer, context: context, what: "a Server Object") else {
            return nil
        }
        reader.warnAboutUnknownKeys(["url", "description", "variables"], vocabulary: "a Server Object field")
        guard let url = reader.requiredString("url") else { return nil }
        var variables: [(String, String)] = []
        var details: [String: OpenAPI.ServerVariableDetails] = [:]
        for pair in reader.mapping("variables") ?? [] {
            guard let name = pair.key.scalar?.text,
                let variable = MappingReader(
                    pair.value, at: pointer.appending("variables").appending(name), context: context,
                    what: "a Server Variable Object")
            else { continue }
            variable.warnAboutUnknownKeys(
                ["default", "enum", "description"], vocabulary: "a Server Variable Object field")
            let defaultValue = variable.requiredString("default") ?? ""
            variables.append((name, defaultValue))
            let values = variable.strings("enum")
            if let values, !values.isEmpty, !values.contains(defaultValue) {
                context.error(
                    "the default '\(defaultValue)' of server variable '\(name)' is not one of its 'enum' values "
                        + values.map { "'\($0)'" }.joined(separator: ", "),
                    at: variable["default"] ?? pair.value, pointer: variable.pointer.appending("default"))
            }
            details[name] = OpenAPI.ServerVariableDetails(
                values: values?.isEmpty == false ? values : nil, description: variable.string("description"))
        }
        return OpenAPI.Server(
            url: url, description: reader.string("description"), variables: variables, variableDetails: details,
            mark: reader["url"]?.mark ?? node.mark, pointer: pointer)
    }

    /// The `servers` of the object `reader` reads; `nil` when absent or empty (an empty list says nothing).
    func decodeServers(_ reader: MappingReader) -> [OpenAPI.Server]? {
        guard let items = reader.sequence("servers") else { return nil }
        let servers = items.enumerated().compactMap {
            decodeServer($1, at: reader.pointer.appending("servers").appending($0))
        }
        return servers.isEmpty ? nil : servers
    }

    func decodeReference(_ reader: MappingReader) -> OpenAPI.Reference? {
        guard let refNode = reader["$ref"] else { return nil }
        guard let ref = reader.string("$ref") else { return nil }
        return OpenAPI.Reference(
            ref: ref, summary: reader.string("summary"), description: reader.string("description"), mark: refNode.mark)
    }

    /// Decodes a Reference Object or, when there is no `$ref`, the value itself.
    func referenceable<Value>(
        _ node: YAMLNode, at pointer: JSONPointer, what: String,
        decodeValue: (MappingReader) -> Value?
    ) -> OpenAPI.Referenceable<Value>? {
        guard let reader = MappingReader(node, at: pointer, context: context, what: what) else { return nil }
        if reader["$ref"] != nil {
            reader.warnAboutUnknownKeys(["$ref", "summary", "description"], vocabulary: "a Reference Object field")
            return decodeReference(reader).map { .reference($0) }
        }
        return decodeValue(reader).map { .value($0) }
    }

    func decodeContent(_ reader: MappingReader) -> [(mediaType: String, mediaTypeObject: OpenAPI.MediaType)] {
        var content: [(String, OpenAPI.MediaType)] = []
        for pair in reader.mapping("content") ?? [] {
            guard let mediaType = pair.key.scalar?.text else { continue }
            let pointer = reader.pointer.appending("content").appending(mediaType)
            guard let media = MappingReader(pair.value, at: pointer, context: context, what: "a Media Type Object")
            else { continue }
            media.warnAboutUnknownKeys(
                ["schema", "example", "examples", "encoding"], vocabulary: "a Media Type Object field")
            let schema = media["schema"].map {
                SchemaDecoder(context: context).decode($0, at: pointer.appending("schema"))
            }
            var mediaTypeObject = OpenAPI.MediaType(schema: schema, mark: pair.value.mark)
            mediaTypeObject.encoding = decodeEncodings(media)
            content.append((mediaType, mediaTypeObject))
        }
        return content
    }

    // MARK: - Paths and operations

    func decodePathItem(_ node: YAMLNode, at pointer: JSONPointer) -> OpenAPI.PathItem? {
        guard let reader = MappingReader(node, at: pointer, context: context, what: "a Path Item Object") else {
            return nil
        }
        var known: Set<String> = ["summary", "description", "servers", "parameters", "$ref"]
        known.formUnion(OpenAPI.HTTPMethod.allCases.map(\.rawValue))
        reader.warnAboutUnknownKeys(known, vocabulary: "a Path Item Object field")
        if let ref = reader["$ref"] {
            context.warning(
                "'$ref' in a Path Item Object is not supported yet; it is ignored", at: ref,
                pointer: pointer.appending("$ref"))
        }
        let operations: [(OpenAPI.HTTPMethod, OpenAPI.Operation)] = OpenAPI.HTTPMethod.allCases.compactMap { method in
            guard let operationNode = reader[method.rawValue],
                let operation = decodeOperation(operationNode, at: pointer.appending(method.rawValue))
            else { return nil }
            return (method, operation)
        }
        return OpenAPI.PathItem(
            summary: reader.string("summary"), description: reader.string("description"),
            parameters: decodeParameters(reader), operations: operations, mark: node.mark,
            servers: decodeServers(reader))
    }

    func decodeParameters(_ reader: MappingReader) -> [OpenAPI.Referenceable<OpenAPI.Parameter>] {
        (reader.sequence("parameters") ?? []).enumerated().compactMap { index, item in
            let pointer = reader.pointer.appending("parameters").appending(index)
            return referenceable(item, at: pointer, what: "a Parameter Object") { decodeParameter($0) }
        }
    }

    func decodeOperation(_ node: YAMLNode, at pointer: JSONPointer) -> OpenAPI.Operation? {
        guard let reader = MappingReader(node, at: pointer, context: context, what: "an Operation Object") else {
            return nil
        }
        reader.warnAboutUnknownKeys(
            [
                "tags", "summary", "description", "externalDocs", "operationId", "parameters", "requestBody",
                "responses",
                "callbacks", "deprecated", "security", "servers",
            ],
            vocabulary: "an Operation Object field")
        let requestBody = reader["requestBody"].flatMap {
            referenceable($0, at: pointer.appending("requestBody"), what: "a Request Body Object") {
                decodeRequestBody($0)
            }
        }
        var responses: [(String, OpenAPI.Referenceable<OpenAPI.Response>)] = []
        if let pairs = reader.mapping("responses") {
            for pair in pairs {
                guard let status = pair.key.scalar?.text else { continue }
                let responsePointer = pointer.appending("responses").appending(status)
                if !Self.isValidStatus(status) {
                    context.error(
                        "response key '\(status)' is not a status code, a range such as '4XX', or 'default'",
                        at: pair.key, pointer: responsePointer)
                    continue
                }
                if let response = referenceable(
                    pair.value, at: responsePointer, what: "a Response Object", decodeValue: { decodeResponse($0) })
                {
                    responses.append((status, response))
                }
            }
        } else {
            context.warning("operation has no 'responses'", at: node, pointer: pointer)
        }
        return OpenAPI.Operation(
            operationID: reader.string("operationId"), summary: reader.string("summary"),
            description: reader.string("description"), tags: reader.strings("tags") ?? [],
            parameters: decodeParameters(reader), requestBody: requestBody, responses: responses,
            deprecated: reader.bool("deprecated") ?? false,
            security: reader["security"].map { decodeSecurity($0, at: pointer.appending("security")) },
            mark: node.mark, pointer: pointer, servers: decodeServers(reader))
    }

    static func isValidStatus(_ status: String) -> Bool {
        if status == "default" { return true }
        let characters = Array(status)
        guard characters.count == 3, ("1"..."5").contains(characters[0]) else { return false }
        if characters[1] == "X" || characters[1] == "x" { return characters[2] == "X" || characters[2] == "x" }
        return characters[1].isASCII && characters[1].isNumber && characters[2].isASCII && characters[2].isNumber
    }

    func decodeParameter(_ reader: MappingReader) -> OpenAPI.Parameter? {
        reader.warnAboutUnknownKeys(
            [
                "name", "in", "description", "required", "deprecated", "allowEmptyValue", "style", "explode",
                "allowReserved", "schema", "example", "examples", "content",
            ],
            vocabulary: "a Parameter Object field")
        guard let name = reader.requiredString("name"), let locationText = reader.requiredString("in") else {
            return nil
        }
        guard let location = OpenAPI.ParameterLocation(rawValue: locationText) else {
            let hint =
                switch locationText {
                case "body": "; OpenAPI 3 describes a request body with the operation's 'requestBody'"
                case "formData": "; OpenAPI 3 describes form fields with a 'requestBody' of a form media type"
                default: Suggestion.clause(for: locationText, among: ["path", "query", "header", "cookie"])
                }
            context.error(
                "parameter location '\(locationText)' is not one of 'path', 'query', 'header', 'cookie'\(hint)",
                at: reader["in"]!, pointer: reader.pointer.appending("in"))
            return nil
        }
        var required = reader.bool("required") ?? false
        if location == .path && !required {
            // The specification requires `required: true` on path parameters; a path cannot leave one out, so the
            // only reading is that it is required.
            context.warning(
                "path parameter '\(name)' must have 'required: true'; it is treated as required",
                at: reader["required"] ?? reader.node, pointer: reader.pointer)
            required = true
        }
        let schema = reader["schema"].map {
            SchemaDecoder(context: context).decode($0, at: reader.pointer.appending("schema"))
        }
        let content = decodeContent(reader)
        if schema == nil && content.isEmpty {
            context.warning(
                "parameter '\(name)' has neither 'schema' nor 'content'; it is sent as a string", at: reader.node,
                pointer: reader.pointer)
        }
        return OpenAPI.Parameter(
            name: name, location: location, description: reader.string("description"), required: required,
            deprecated: reader.bool("deprecated") ?? false, style: reader.string("style"),
            explode: reader.bool("explode"), allowReserved: reader.bool("allowReserved") ?? false,
            schema: schema, content: content, mark: reader.node.mark, pointer: reader.pointer)
    }

    func decodeRequestBody(_ reader: MappingReader) -> OpenAPI.RequestBody? {
        reader.warnAboutUnknownKeys(["description", "content", "required"], vocabulary: "a Request Body Object field")
        if reader["content"] == nil {
            context.error("missing required field 'content'", at: reader.node, pointer: reader.pointer)
        }
        return OpenAPI.RequestBody(
            description: reader.string("description"), content: decodeContent(reader),
            required: reader.bool("required") ?? false,
            mark: reader.node.mark, pointer: reader.pointer)
    }

    func decodeResponse(_ reader: MappingReader) -> OpenAPI.Response? {
        reader.warnAboutUnknownKeys(
            ["description", "headers", "content", "links"], vocabulary: "a Response Object field")
        var headers: [(String, OpenAPI.Referenceable<OpenAPI.Header>)] = []
        for pair in reader.mapping("headers") ?? [] {
            guard let name = pair.key.scalar?.text else { continue }
            if let header = referenceable(
                pair.value, at: reader.pointer.appending("headers").appending(name), what: "a Header Object",
                decodeValue: { decodeHeader($0) })
            {
                headers.append((name, header))
            }
        }
        return OpenAPI.Response(
            description: reader.string("description"), headers: headers, content: decodeContent(reader),
            mark: reader.node.mark, pointer: reader.pointer)
    }

    func decodeHeader(_ reader: MappingReader) -> OpenAPI.Header? {
        reader.warnAboutUnknownKeys(
            [
                "description", "required", "deprecated", "allowEmptyValue", "style", "explode", "schema", "example",
                "examples", "content",
            ],
            vocabulary: "a Header Object field")
        let schema = reader["schema"].map {
            SchemaDecoder(context: context).decode($0, at: reader.pointer.appending("schema"))
        }
        return OpenAPI.Header(
            description: reader.string("description"), required: reader.bool("required") ?? false, schema: schema,
            mark: reader.node.mark)
    }

    func decodeSecurityScheme(_ reader: MappingReader) -> OpenAPI.SecurityScheme? {
        reader.warnAboutUnknownKeys(
            ["type", "description", "name", "in", "scheme", "bearerFormat", "flows", "openIdConnectUrl"],
            vocabulary: "a Security Scheme Object field")
        guard let type = reader.requiredString("type") else { return nil }
        if type == "apiKey" {
            if reader["name"] == nil {
                context.error("missing required field 'name'", at: reader.node, pointer: reader.pointer)
            }
            if reader["in"] == nil {
                context.error("missing required field 'in'", at: reader.node, pointer: reader.pointer)
            }
        }
        return OpenAPI.SecurityScheme(
            type: type, description: reader.string("description"), name: reader.string("name"),
            location: reader.string("in"),
            scheme: reader.string("scheme"), mark: reader.node.mark, pointer: reader.pointer)
    }

    func decodeSecurity(_ node: YAMLNode, at pointer: JSONPointer) -> [OpenAPI.SecurityRequirement] {
        guard let items = node.items else {
            context.error(
                "expected 'security' to be a sequence, found \(node.kindDescription)", at: node, pointer: pointer)
            return []
        }
        return items.enumerated().compactMap { index, item in
            guard let pairs = item.pairs else {
                context.error(
                    "expected a Security Requirement Object (a mapping), found \(item.kindDescription)", at: item,
                    pointer: pointer.appending(index))
                return nil
            }
            return OpenAPI.SecurityRequirement(
                schemes: pairs.compactMap { pair in
                    guard let name = pair.key.scalar?.text else { return nil }
                    let scopes = pair.value.items?.compactMap { $0.scalar?.text } ?? []
                    return (name, scopes, pair.key.mark)
                })
        }
    }

    // MARK: - Components

    func decodeComponents(_ node: YAMLNode, at pointer: JSONPointer) -> OpenAPI.Components {
        var components = OpenAPI.Components()
        guard let reader = MappingReader(node, at: pointer, context: context, what: "'components'") else {
            return components
        }
        reader.warnAboutUnknownKeys(
            [
                "schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes",
                "links",
                "callbacks", "pathItems",
            ],
            vocabulary: "a Components Object field")
        func each(_ key: String, _ body: (String, YAMLNode, JSONPointer) -> Void) {
            for pair in reader.mapping(key) ?? [] {
                guard let name = pair.key.scalar?.text else { continue }
                body(name, pair.value, pointer.appending(key).appending(name))
            }
        }
        let schemaDecoder = SchemaDecoder(context: context)
        each("schemas") { name, node, pointer in
            components.schemas.append((name, schemaDecoder.decode(node, at: pointer)))
        }
        each("parameters") { name, node, pointer in
            if let value = referenceable(
                node, at: pointer, what: "a Parameter Object", decodeValue: { decodeParameter($0) })
            {
                components.parameters.append((name, value))
            }
        }
        each("responses") { name, node, pointer in
            if let value = referenceable(
                node, at: pointer, what: "a Response Object", decodeValue: { decodeResponse($0) })
            {
                components.responses.append((name, value))
            }
        }
        each("requestBodies") { name, node, pointer in
            if let value = referenceable(
                node, at: pointer, what: "a Request Body Object", decodeValue: { decodeRequestBody($0) })
            {
                components.requestBodies.append((name, value))
            }
        }
        each("headers") { name, node, pointer in
            if let value = referenceable(node, at: pointer, what: "a Header Object", decodeValue: { decodeHeader($0) })
            {
                components.headers.append((name, value))
            }
        }
        each("securitySchemes") { name, node, pointer in
            if let value = referenceable(
                node, at: pointer, what: "a Security Scheme Object", decodeValue: { decodeSecurityScheme($0) })
            {
                components.securitySchemes.append((name, value))
            }
        }
        return components
    }
}
