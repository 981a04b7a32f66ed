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
            var encoding = OpenAPI.Encoding(
                contentType: reader.string("contentType"), style: reader.string("style"),
                explode: reader.bool("explode"), allowReserved: reader.bool("allowReserved"),
                mark: reader.node.mark)
            // A multipart part's header fields.
            for header in reader.mapping("headers") ?? [] {
                guard let headerName = header.key.scalar?.text else { continue }
                if let value = referenceable(
                    header.value, at: pointer.appending("headers").appending(headerName), what: "a Header Object",
                    decodeValue: { decodeHeader($0) })
                {
                    encoding.headers.append((headerName, value))
                }
            }
            encodings.append((name, encoding))
        }
        return encodings
    }
}
