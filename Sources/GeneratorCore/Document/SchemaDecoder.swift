/// Decodes Schema Objects, warning about keywords that are not JSON Schema (or OpenAPI's additions to it).
struct SchemaDecoder {
    let context: DecodingContext

    /// Keywords that are read into `OpenAPI.Schema`.
    static let usedKeywords: Set<String> = [
        "$ref", "type", "format", "title", "description", "properties", "required", "items", "enum", "const",
        "default", "nullable", "oneOf", "anyOf", "allOf", "additionalProperties", "discriminator", "deprecated",
    ]

    /// Keywords of JSON Schema 2020-12, draft-04/05 as used by OpenAPI 3.0, and OpenAPI's own schema fields,
    /// that are valid but have no effect on the generated code.
    static let ignoredKeywords: Set<String> = [
        "$schema", "$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor",
        "$vocabulary", "$comment", "$defs", "definitions",
        "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
        "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "contains", "prefixItems",
        "maxProperties", "minProperties", "dependentRequired", "dependentSchemas", "patternProperties", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "not", "if", "then", "else", "contentEncoding", "contentMediaType",
        "contentSchema", "examples", "example", "readOnly", "writeOnly", "xml", "externalDocs",
    ]

    /// `usedKeywords` and `ignoredKeywords` together.
    static let keywords = usedKeywords.union(ignoredKeywords)

    /// The keywords `decode(_:at:)` reads, as bits: which of them a schema has is learnt in the one pass over its keys
    /// that looks every key up anyway, and the others are not searched for (each search compares every key).
    struct Read: OptionSet {
        let rawValue: UInt32
        static let ref = Read(rawValue: 1 << 0)
        static let type = Read(rawValue: 1 << 1)
        static let format = Read(rawValue: 1 << 2)
        static let title = Read(rawValue: 1 << 3)
        static let description = Read(rawValue: 1 << 4)
        static let properties = Read(rawValue: 1 << 5)
        static let required = Read(rawValue: 1 << 6)
        static let items = Read(rawValue: 1 << 7)
        static let enumValues = Read(rawValue: 1 << 8)
        static let constValue = Read(rawValue: 1 << 9)
        static let defaultValue = Read(rawValue: 1 << 10)
        static let nullable = Read(rawValue: 1 << 11)
        static let oneOf = Read(rawValue: 1 << 12)
        static let anyOf = Read(rawValue: 1 << 13)
        static let allOf = Read(rawValue: 1 << 14)
        static let additionalProperties = Read(rawValue: 1 << 15)
        static let discriminator = Read(rawValue: 1 << 16)
        static let deprecated = Read(rawValue: 1 << 17)
        static let readOnly = Read(rawValue: 1 << 18)
        static let writeOnly = Read(rawValue: 1 << 19)
        static let contentMediaType = Read(rawValue: 1 << 20)
        static let contentEncoding = Read(rawValue: 1 << 21)
    }

    /// Every keyword (`keywords`) with the bit of those `decode(_:at:)` reads (`[]` for the others).
    static let keywordBits: [String: Read] = {
        var bits = [String: Read](uniqueKeysWithValues: keywords.map { ($0, []) })
        let read: [(String, Read)] = [
            ("$ref", .ref), ("type", .type), ("format", .format), ("title", .title), ("description", .description),
            ("properties", .properties), ("required", .required), ("items", .items), ("enum", .enumValues),
            ("const", .constValue), ("default", .defaultValue), ("nullable", .nullable), ("oneOf", .oneOf),
            ("anyOf", .anyOf), ("allOf", .allOf), ("additionalProperties", .additionalProperties),
            ("discriminator", .discriminator), ("deprecated", .deprecated), ("readOnly", .readOnly),
            ("writeOnly", .writeOnly), ("contentMediaType", .contentMediaType), ("contentEncoding", .contentEncoding),
        ]
        for (keyword, bit) in read { bits[keyword] = bit }
        return bits
    }()

    func decode(_ node: YAMLNode, at pointer: JSONPointer) -> OpenAPI.Schema {
        if case .bool(let value)? = node.scalar?.value {
            return OpenAPI.Schema(booleanSchema: value, mark: node.mark, pointer: pointer)
        }
        guard let reader = MappingReader(node, at: pointer, context: context, what: "a Schema Object") else {
            return OpenAPI.Schema(mark: node.mark, pointer: pointer)
        }
        // Through the pairs' storage (iterating the array copies each pair out), and one table for both lists of
        // keywords: every key of every schema is looked up, and the keywords read are noted on the way.
        var present: Read = []
        reader.pairs.withUnsafeBufferPointer { pairs in
            for index in pairs.indices {
                guard case .scalar(let scalar) = pairs[index].key.kind else { continue }
                let key = scalar.text
                if let bit = Self.keywordBits[key] {
                    present.insert(bit)
                    continue
                }
                if key.hasPrefix("x-") { continue }
                context.warning(
                    "'\(key)' is not a JSON Schema keyword; it is ignored", at: pairs[index].key,
                    pointer: pointer.appending(key))
            }
        }
        var types: [String] = []
        if present.contains(.type), let typeNode = reader["type"] {
            if let scalar = typeNode.scalar {
                types = [scalar.text]
            } else if let items = typeNode.items {
                types = items.compactMap { $0.scalar?.text }
            }
            let known = Self.typeNames
            for type in types where !known.contains(type) {
                context.error(
                    "'\(type)' is not a JSON Schema type; expected one of \(known.sorted().map { "'\($0)'" }.joined(separator: ", "))",
                    at: typeNode, pointer: pointer.appending("type"))
            }
        }
        var properties: [(String, OpenAPI.Schema)] = []
        for pair in (present.contains(.properties) ? reader.mapping("properties") : nil) ?? [] {
            guard let name = pair.key.scalar?.text else { continue }
            properties.append((name, decode(pair.value, at: pointer.appending("properties").appending(name))))
        }
        func list(_ key: String, _ bit: Read) -> [OpenAPI.Schema] {
            guard present.contains(bit) else { return [] }
            return (reader.sequence(key) ?? []).enumerated().map {
                decode($1, at: pointer.appending(key).appending($0))
            }
        }
        /// The value of a keyword `decode(_:at:)` reads, when the schema has it.
        func value(_ key: String, _ bit: Read) -> YAMLNode? { present.contains(bit) ? reader[key] : nil }
        func string(_ key: String, _ bit: Read) -> String? { present.contains(bit) ? reader.string(key) : nil }
        func bool(_ key: String, _ bit: Read) -> Bool? { present.contains(bit) ? reader.bool(key) : nil }
        var additionalProperties: OpenAPI.Schema.AdditionalProperties?
        if let node = value("additionalProperties", .additionalProperties) {
            if case .bool(let allowed)? = node.scalar?.value {
                additionalProperties = .allowed(allowed)
            } else {
                additionalProperties = .schema(decode(node, at: pointer.appending("additionalProperties")))
            }
        }
        var discriminator: OpenAPI.Schema.Discriminator?
        if let node = value("discriminator", .discriminator),
            let discriminatorReader = MappingReader(
                node, at: pointer.appending("discriminator"), context: context, what: "'discriminator'")
        {
            discriminatorReader.warnAboutUnknownKeys(
                ["propertyName", "mapping"], vocabulary: "a Discriminator Object field")
            if let propertyName = discriminatorReader.requiredString("propertyName") {
                let mapping = (discriminatorReader.mapping("mapping") ?? []).compactMap {
                    pair -> (String, String, SourceMark)? in
                    guard let value = pair.key.scalar?.text, let ref = pair.value.scalar?.text else { return nil }
                    return (value, ref, pair.value.mark)
                }
                discriminator = .init(propertyName: propertyName, mapping: mapping)
            }
        }
        let reference: OpenAPI.Reference? = value("$ref", .ref).flatMap { refNode in
            reader.string("$ref").map {
                OpenAPI.Reference(
                    ref: $0, summary: nil, description: string("description", .description), mark: refNode.mark)
            }
        }
        return OpenAPI.Schema(
            reference: reference, types: types, format: string("format", .format), title: string("title", .title),
            description: string("description", .description), properties: properties,
            required: (present.contains(.required) ? reader.strings("required") : nil) ?? [],
            items: value("items", .items).map { decode($0, at: pointer.appending("items")) },
            enumValues: present.contains(.enumValues) ? reader.sequence("enum") : nil,
            constValue: value("const", .constValue), defaultValue: value("default", .defaultValue),
            nullable: bool("nullable", .nullable) ?? false,
            oneOf: list("oneOf", .oneOf), anyOf: list("anyOf", .anyOf), allOf: list("allOf", .allOf),
            additionalProperties: additionalProperties,
            discriminator: discriminator, deprecated: bool("deprecated", .deprecated) ?? false,
            readOnly: bool("readOnly", .readOnly) ?? false, writeOnly: bool("writeOnly", .writeOnly) ?? false,
            constraints: Self.constraints(in: node), extensions: reader.extensions,
            contentMediaType: string("contentMediaType", .contentMediaType),
            contentEncoding: string("contentEncoding", .contentEncoding),
            mark: node.mark, pointer: pointer)
    }

    /// The names `type` may give.
    static let typeNames: Set<String> = ["string", "number", "integer", "boolean", "array", "object", "null"]

    /// The keywords `constraints(in:)` reads.
    static let constraintKeywords: Set<String> = [
        "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern",
        "minItems", "maxItems", "uniqueItems", "format",
    ]

    /// Formats whose meaning the Swift type already carries.
    static let typeFormats: Set<String> = [
        "date-time", "date", "byte", "binary", "uri", "int32", "int64", "float", "double",
    ]

    /// The validation keywords of a schema node in words, in a fixed order.
    static func constraints(in node: YAMLNode) -> [String] {
        // Most schemas have none of the keywords: one look at the keys instead of a dozen searches.
        func isConstraintKeyword(_ pair: YAMLPair) -> Bool {
            guard case .scalar(let key) = pair.key.kind else { return false }
            // Every keyword starts with one of five letters; most keys (`type`, `description`, `$ref`…) do not, and
            // are not hashed.
            switch key.text.utf8.first {
            case UInt8(ascii: "m")?, UInt8(ascii: "e")?, UInt8(ascii: "p")?, UInt8(ascii: "u")?, UInt8(ascii: "f")?:
                return constraintKeywords.contains(key.text)
            default:
                return false
            }
        }
        guard node.pairs?.contains(where: isConstraintKeyword) == true else { return [] }
        func number(_ key: String) -> String? {
            guard let scalar = node[key]?.scalar else { return nil }
            switch scalar.value {
            case .integer, .number: return scalar.text
            default: return nil
            }
        }
        func flag(_ key: String) -> Bool { node[key]?.scalar?.value == .bool(true) }
        // The backtick is looked for byte by byte (Foundation's `contains` searches through CFString).
        func code(_ text: String) -> String {
            text.utf8.contains(UInt8(ascii: "`")) ? "'\(text)'" : "`\(text)`"
        }
        func count(_ text: String, _ noun: String) -> String { text == "1" ? "1 \(noun)" : "\(text) \(noun)s" }
        var result: [String] = []
        // 3.0 writes `exclusiveMinimum: true` beside `minimum`; 3.1 writes `exclusiveMinimum: 5` alone.
        if let minimum = number("minimum") {
            result.append((flag("exclusiveMinimum") ? "greater than " : "at least ") + minimum)
        }
        if let minimum = number("exclusiveMinimum") { result.append("greater than " + minimum) }
        if let maximum = number("maximum") {
            result.append((flag("exclusiveMaximum") ? "less than " : "at most ") + maximum)
        }
        if let maximum = number("exclusiveMaximum") { result.append("less than " + maximum) }
        if let multiple = number("multipleOf") { result.append("a multiple of " + multiple) }
        if let length = number("minLength") { result.append("at least " + count(length, "character")) }
        if let length = number("maxLength") { result.append("at most " + count(length, "character")) }
        if let pattern = node["pattern"]?.scalar?.text { result.append("matches " + code(pattern)) }
        if let items = number("minItems") { result.append("at least " + count(items, "item")) }
        if let items = number("maxItems") { result.append("at most " + count(items, "item")) }
        if flag("uniqueItems") { result.append("items are unique") }
        if let format = node["format"]?.scalar?.text, !typeFormats.contains(format) {
            result.append("format " + code(format))
        }
        return result
    }
}
