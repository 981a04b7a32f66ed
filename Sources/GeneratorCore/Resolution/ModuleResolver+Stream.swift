/// How `ModuleResolver` finds an operation's streamed success body (`text/event-stream`, JSON Lines).
extension ModuleResolver {
    /// The streamed body of the operation's success responses: the first streamed media type of a `2XX` response
    /// decides the kind, and every success status documenting a media type of that kind streams. The element type
    /// comes from the first such media type with a schema.
    func resolveStream(
        _ operation: OpenAPI.Operation, document: OpenAPI.Document, types: TypeResolver, typePrefix: String,
        functionName: String
    ) -> IR.Stream? {
        var kind: IR.Stream.Kind?
        var statuses: [String] = []
        var mediaTypes: [String] = []
        var schema: OpenAPI.Schema?
        for (status, reference) in operation.responses where status.hasPrefix("2") {
            guard let response = types.index.resolve(reference, in: types.index.responses) else { continue }
            for (mediaType, object) in response.content {
                guard let streamed = IR.Stream.Kind(mediaType: mediaType), kind == nil || kind == streamed else {
                    continue
                }
                kind = streamed
                if !statuses.contains(status) { statuses.append(status) }
                let base = mediaType.split(separator: ";").first.map {
                    $0.trimmingCharacters(in: .whitespaces).lowercased()
                }
                if let base, !mediaTypes.contains(base) { mediaTypes.append(base) }
                if schema == nil { schema = object.schema }
            }
        }
        guard let kind else { return nil }
        let type = schema.map { types.usage(for: $0, nameHint: typePrefix + "StreamEvent").type } ?? .jsonValue
        return IR.Stream(
            kind: kind, functionName: functionName + "Stream", statuses: statuses, mediaTypes: mediaTypes, type: type)
    }
}
