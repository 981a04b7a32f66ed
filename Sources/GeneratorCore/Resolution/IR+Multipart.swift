extension IR {
    /// One property of a `multipart/form-data` request body: an argument of the function, sent as one part (or
    /// one part per item for an array).
    public struct MultipartPart: Sendable {
        /// How the value becomes the content of a part.
        public enum Kind: Sendable, Equatable {
            /// A string, number, Boolean or enum, as its text (`text/plain` unless the encoding says otherwise).
            case text
            /// Anything else (an object, a union), as JSON (`application/json` unless the encoding says otherwise);
            /// a value that encodes as a JSON string, number or Boolean goes as its text, like `text`.
            case json
            /// A string with `format: binary`, `contentMediaType` or `contentEncoding` (or a `oneOf`/`anyOf` of such
            /// files and arrays of them, passed as an array): a file the caller passes
            /// as `<Module>FilePart`, sent with its file name and content type.
            case file
        }

        /// The property: its name on the wire (the part's `name`), Swift name, type, whether it is required, docs.
        public var property: Property
        public var kind: Kind
        /// Whether the property is an array, sent as one part per item with the same name.
        public var isArray: Bool
        /// The part's `Content-Type` from the Encoding Object, or for a file the schema's `contentMediaType`;
        /// `nil` for the default (none for text, `application/json` for JSON, `application/octet-stream` for a
        /// file without a type of its own).
        public var contentType: String?
        /// For a file with `contentEncoding: base64`: the part carries the file's bytes in Base64.
        public var isBase64: Bool
        /// The header fields the Encoding Object declares for the part, in document order.
        public var headers: [MultipartHeader]
    }

    /// A header field of a multipart part: a fixed value (the schema's `const`, single `enum` value or
    /// `default`), or an argument of the function.
    public struct MultipartHeader: Sendable {
        public var name: String
        /// The fixed value, when the schema gives one.
        public var value: String?
        /// Otherwise the argument: its Swift name, type and whether it is required.
        public var swiftName: String
        public var type: TypeUsage
        public var isRequired: Bool
        public var description: String?
    }
}
