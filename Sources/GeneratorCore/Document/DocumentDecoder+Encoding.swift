/// How `DocumentDecoder` reads a Media Type Object's `encoding` map (form and multipart bodies).
extension DocumentDecoder {
    /// The Encoding Objects of a Media Type Object, by property name, in document order.
    func decodeEncodings(_ media: MappingReader) -> [(name: String, encoding: OpenAPI.Encoding)] {
        var encodings: [(String, OpenAPI.Encoding)] = []
        for pair in media.mapping("encoding") ?? [] {
            guard let name = pair.key.scalar?.text else { continue }
            let pointer = media.pointer.appending("encoding").appending(name)
            guard let reader = MappingReader(pair.value, at: pointer, context: context, what: "an Encoding Object")
            else { continue }
            reader.warnAboutUnknownKeys(
                ["contentType", "headers", "style", "explode", "allowReserved"],
                vocabulary: "an Encoding Object field")
            encodings.append(
                (
                    name,
                    OpenAPI.Encoding(
                        contentType: reader.string("contentType"), style: reader.string("style"),
                        explode: reader.bool("explode"), allowReserved: reader.bool("allowReserved"),
                        mark: reader.node.mark)
                ))
        }
        return encodings
    }
}
