extension OpenAPI {
    /// A Schema Object (JSON Schema): only the keywords that matter for code are kept.
    ///
    /// A reference type so that recursive schemas cost nothing to copy; immutable once decoded.
    public final class Schema: Sendable {
        /// `additionalProperties`: absent, a Boolean, or a schema for the values.
        public enum AdditionalProperties: Sendable {
            case allowed(Bool)
            case schema(Schema)
        }

        /// `discriminator`: the property naming the member, and explicit value → reference mappings.
        public struct Discriminator: Sendable {
            public var propertyName: String
            /// `mapping`: each discriminator value with the schema name or reference it selects, and the position
            /// of that target.
            public var mapping: [(value: String, ref: String, mark: SourceMark)]
        }

        /// `$ref`, with 3.1 siblings kept alongside.
        public let reference: Reference?
        /// `type` as written: one name or several (`[string, 'null']`); empty when absent.
        public let types: [String]
        public let format: String?
        public let title: String?
        public let description: String?
        /// `properties`, in document order.
        public let properties: [(name: String, schema: Schema)]
        public let required: [String]
        public let items: Schema?
        /// `enum` values as written.
        public let enumValues: [YAMLNode]?
        /// `const` as written.
        public let constValue: YAMLNode?
        public let defaultValue: YAMLNode?
        /// 3.0's `nullable: true`.
        public let nullable: Bool
        public let oneOf: [Schema]
        public let anyOf: [Schema]
        public let allOf: [Schema]
        public let additionalProperties: AdditionalProperties?
        public let discriminator: Discriminator?
        public let deprecated: Bool
        /// `readOnly`: the value is only ever sent by the server (never in a request).
        public let readOnly: Bool
        /// The validation keywords in words, for doc comments: `at least 1`, `at most 64 characters`, `matches
        /// \`^[a-z]+$\``. The client does not check them. Source: `minimum`, `maximum`, `exclusiveMinimum`,
        /// `exclusiveMaximum`, `multipleOf`, `minLength`, `maxLength`, `pattern`, `minItems`, `maxItems`,
        /// `uniqueItems`, and a `format` that does not choose the Swift type.
        public let constraints: [String]
        /// `writeOnly`: the value is only ever sent to the server (never in a response).
        public let writeOnly: Bool
        /// A Boolean schema (`true` or `false`, allowed in 3.1); `nil` for a schema written as a mapping.
        public let booleanSchema: Bool?
        /// Specification extensions such as `x-enum-varnames`.
        public let extensions: [String: YAMLNode]
        /// 3.1's `contentMediaType` (`image/png`): a string whose content is a file of that type.
        public let contentMediaType: String?
        /// 3.1's `contentEncoding` (`base64`): a string whose content is a file in that encoding.
        public let contentEncoding: String?
        public let mark: SourceMark
        /// Where the schema is in its document, such as `#/components/schemas/Pet/properties/id`.
        public let pointer: JSONPointer

        init(
            reference: Reference? = nil, types: [String] = [], format: String? = nil, title: String? = nil,
            description: String? = nil, properties: [(name: String, schema: Schema)] = [], required: [String] = [],
            items: Schema? = nil, enumValues: [YAMLNode]? = nil, constValue: YAMLNode? = nil,
            defaultValue: YAMLNode? = nil,
            nullable: Bool = false, oneOf: [Schema] = [], anyOf: [Schema] = [], allOf: [Schema] = [],
            additionalProperties: AdditionalProperties? = nil, discriminator: Discriminator? = nil,
            deprecated: Bool = false, readOnly: Bool = false, writeOnly: Bool = false, constraints: [String] = [],
            booleanSchema: Bool? = nil, extensions: [String: YAMLNode] = [:], contentMediaType: String? = nil,
            contentEncoding: String? = nil, mark: SourceMark, pointer: JSONPointer
        ) {
            self.contentMediaType = contentMediaType
            self.contentEncoding = contentEncoding
            self.constraints = constraints
            self.readOnly = readOnly
            self.writeOnly = writeOnly
            self.reference = reference
            self.types = types
            self.format = format
            self.title = title
            self.description = description
            self.properties = properties
            self.required = required
            self.items = items
            self.enumValues = enumValues
            self.constValue = constValue
            self.defaultValue = defaultValue
            self.nullable = nullable
            self.oneOf = oneOf
            self.anyOf = anyOf
            self.allOf = allOf
            self.additionalProperties = additionalProperties
            self.discriminator = discriminator
            self.deprecated = deprecated
            self.booleanSchema = booleanSchema
            self.extensions = extensions
            self.mark = mark
            self.pointer = pointer
        }
    }
}
