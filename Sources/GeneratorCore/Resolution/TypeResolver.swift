/// Decides the Swift type of every schema: declares structs, enums, unions and typealiases for component
/// schemas and for inline schemas that need a name, and spells everything else with standard types.
final class TypeResolver {
    let document: OpenAPI.Document
    let configuration: GeneratorConfiguration
    let file: String
    let diagnostics: DiagnosticCollector
    /// Every component and schema of the document; where references are followed.
    let index: ComponentIndex
    let namer: SwiftNamer

    private(set) var declarations: [IR.TypeDeclaration] = []
    /// The position in `declarations` of the last declaration of each Swift name (a position, not a copy of the
    /// declaration, whose properties and cases a copy would retain one by one).
    private var declarationPositions: [String: Int] = [:]
    private var typeScope: NameScope
    /// Component schema name → Swift type name.
    private var componentTypeNames: [String: String] = [:]
    /// The pointers of the enum schemas declared so far, to find configured case names that name none.
    var namedEnumPointers: Set<JSONPointer> = []
    /// The cases of the enums declared so far whose cases come from their values alone (`PlainEnumValues`), by
    /// values: Stripe's document lists 2,293 enums of 16,010 values, 12,336 of them in lists another enum has
    /// already listed (one list of 295 merchant categories 18 times).
    var plainEnumCases: [PlainEnumValues: PlainEnumCases] = [:]
    /// Component schema names in the order they claim names and are declared (see `claimOrder`).
    private(set) var componentOrder: [String] = []
    /// The pointers of the configuration's type and property names that named something.
    var usedNamePointers: Set<JSONPointer> = []
    /// The raw type of an enum's values (without `null`): strings, integers, numbers, Booleans, or scalars of
    /// several kinds; `nil` when a value is an object or an array (or there is none).
    static func enumRawType(of values: [YAMLNode], types: [String]) -> IR.Enumeration.RawType? {
        guard !values.isEmpty, values.allSatisfy({ $0.scalar != nil }) else { return nil }
        // `type: string` with unquoted numbers (`enum: [1, 2]`) means the strings "1" and "2".
        if types == ["string"] { return .string }
        var kinds: Set<String> = []
        for value in values {
            switch value.scalar!.value {
            case .integer: kinds.insert("integer")
            case .number: kinds.insert("number")
            case .bool: kinds.insert("boolean")
            case .string, .null: kinds.insert("string")
            }
        }
        let declared = Set(types)
        // Integers under `type: number` may arrive as `1.0`: they are read as `Double`.
        if kinds == ["integer"], declared.isSubset(of: ["integer"]) { return .integer }
        if kinds.isSubset(of: ["integer", "number"]), declared.isSubset(of: ["integer", "number"]) { return .double }
        if kinds == ["boolean"], declared.isSubset(of: ["boolean"]) { return .boolean }
        if kinds == ["string"], declared.isEmpty { return .string }
        return .json
    }

    /// The discriminator value that selects `subtype` among the subtypes of `base`: the `mapping` entry that
    /// names it (by component name or reference), otherwise the subtype's component name.
    func discriminatorValue(of subtype: String, base: String) -> String {
        let mapping = index.schemas[base]?.discriminator?.mapping ?? []
        return mapping.first { $0.ref == subtype || componentName(of: $0.ref) == subtype }?.value ?? subtype
    }

    /// The Swift type name of a component schema, by its name in `components/schemas`.
    func componentTypeNames(_ component: String) -> String? { componentTypeNames[component] }

    /// Base component name → the components that extend it through `allOf`, when the base has a discriminator.
    private(set) var polymorphicSubtypes: [String: [String]] = [:]
    /// Usages of schemas reached through a `$ref` that is not a component, by pointer.
    private var usageByPointer: [JSONPointer: IR.TypeUsage] = [:]
    /// Usages of inline schemas already resolved, by pointer: a schema reached twice (a response component
    /// used by several operations) is declared once.
    private var inlineUsages: [JSONPointer: Usage] = [:]

    init(
        document: OpenAPI.Document, index: ComponentIndex, configuration: GeneratorConfiguration,
        reservedNames: Set<String>, file: String, diagnostics: DiagnosticCollector, namer: SwiftNamer = SwiftNamer()
    ) {
        self.namer = namer
        self.document = document
        self.index = index
        self.configuration = configuration
        self.file = file
        self.diagnostics = diagnostics
        self.typeScope = NameScope(reserved: reservedNames, caseInsensitive: true)
        // Room for the components' names and about as many inline types (the scope otherwise grows, and rehashes
        // every name, a dozen times in a large document).
        typeScope.reserveCapacity(2 * index.schemas.names.count)
        // Component names are claimed first, so that they win over inline names, in an order that does not
        // depend on the document's: a component whose name is already its Swift name claims first, then the others
        // by name. So reordering, adding or removing unrelated components never renames one.
        componentOrder = Self.claimOrder(index.schemas.names, swiftName: namer.typeName(for:))
        for name in componentOrder {
            let schema = index.schemas[name]!
            componentTypeNames[name] = claimTypeName(namer.typeName(for: name), for: schema.pointer, mark: schema.mark)
        }
        // Polymorphism: a component with a `discriminator` (and no `oneOf`/`anyOf` of its own) that others extend
        // through `allOf` is the union of those subtypes.
        for name in componentOrder {
            for member in index.schemas[name]!.allOf {
                guard let ref = member.reference?.ref, let base = componentName(of: ref),
                    let baseSchema = index.schemas[base], baseSchema.discriminator != nil,
                    baseSchema.oneOf.isEmpty, baseSchema.anyOf.isEmpty, base != name
                else { continue }
                polymorphicSubtypes[base, default: []].append(name)
            }
        }
    }

    func location(_ mark: SourceMark) -> SourceLocation { SourceLocation(file: file, mark: mark) }

    /// The order in which names claim a scope, independent of the document's order: names already spelled as
    /// their Swift name first, then the rest, each group sorted by the name's Unicode scalars.
    static func claimOrder(_ names: some Sequence<String>, swiftName: (String) -> String) -> [String] {
        // Each key once (naming is not cheap), then a sort of the keys.
        let keyed = names.map { name in
            (name: name, isSwift: swiftName(name) == name, scalars: name.unicodeScalars.map(\.value))
        }
        return keyed.sorted { a, b in
            a.isSwift != b.isSwift ? a.isSwift : a.scalars.lexicographicallyPrecedes(b.scalars)
        }.map(\.name)
    }

    /// A name from the configuration's `names`, when it is a legal Swift name of the kind; otherwise `nil`
    /// after an error naming the legal spelling.
    func overriddenName(_ entry: (name: String, mark: SourceMark)?, kind: SwiftNamer.Kind, pointer: JSONPointer)
        -> String?
    {
        guard let entry else { return nil }
        usedNamePointers.insert(pointer)
        return namer.checkedOverride(entry.name, kind: kind, at: location(entry.mark), diagnostics: diagnostics)
    }

    func declare(_ declaration: IR.TypeDeclaration) {
        declarationPositions[declaration.name] = declarations.count
        declarations.append(declaration)
    }

    /// Hands the declarations over, leaving none (and no declaration found by name): the module's last passes then
    /// change them in place, where a copy still held here would make the first change copy the whole array.
    func takeDeclarations() -> [IR.TypeDeclaration] {
        defer {
            declarations = []
            declarationPositions = [:]
        }
        return declarations
    }

    /// The declaration with this Swift name, once declared.
    func declaration(named name: String) -> IR.TypeDeclaration? {
        declarationPositions[name].map { declarations[$0] }
    }

    /// Whether values of a type can be sent as a path, query or header parameter: strings, numbers,
    /// Booleans, enums and aliases of them; arrays of those only in a query.
    func isParameterRepresentable(_ type: IR.TypeUsage, inQuery: Bool) -> Bool {
        switch type {
        case .string, .integer, .int32, .int64, .double, .float, .boolean, .dateTime, .date, .url, .uuid: return true
        case .bytes: return false
        case .array(let element): return inQuery && isParameterRepresentable(element, inQuery: false)
        case .jsonValue, .dictionary: return false
        case .declared(let name):
            switch declaration(named: name) {
            case .enumeration?: return true
            case .alias(let alias)?: return isParameterRepresentable(alias.target, inQuery: inQuery)
            default: return false
            }
        }
    }

    /// `Constants.runtimeTypeNames` in lowercase, built once (not once per name claimed).
    private static let lowercasedRuntimeTypeNames = Set(Constants.runtimeTypeNames.map { $0.lowercased() })

    /// Claims a type name, renaming (with a note) when it clashes with a reserved or earlier name.
    func claimTypeName(_ proposed: String, for pointer: JSONPointer, mark: SourceMark) -> String {
        let proposed = overriddenName(configuration.names.types[pointer], kind: .type, pointer: pointer) ?? proposed
        let lowercased = NameScope.lowercased(proposed)
        let claimed: String
        // Runtime files are named after their types, so a name that differs only in letter case would clash on a
        // case-insensitive file system.
        if Constants.standardTypeNames.contains(proposed) || Self.lowercasedRuntimeTypeNames.contains(lowercased) {
            claimed = typeScope.claim(proposed + Constants.reservedNameSuffix)
        } else {
            claimed = typeScope.claim(proposed, lowercased: lowercased)
        }
        if claimed != proposed {
            diagnostics.note(
                "type '\(proposed)' is named '\(claimed)' to avoid a clash", at: location(mark),
                pointer: pointer.description)
        }
        return claimed
    }

    /// Declares every component schema: a named declaration, or a typealias when the schema needs none. A
    /// component on a cycle of references (`A: {$ref: B}`, `B: {$ref: A}`) is an alias of JSONValue, after the
    /// index's error; one that only leads into a cycle is an alias of a member.
    func declareComponents() {
        // By name, so that the member a cycle is reported at, and the inline types components contain, do not depend
        // on the document's order.
        index.reportCycles(startingAt: componentOrder.map { index.schemas[$0]! })
        for name in componentOrder {
            let schema = index.schemas[name]!
            let typeName = componentTypeNames[name]!
            if index.isOnCycle(schema) {
                declare(.alias(IR.Alias(name: typeName, target: .jsonValue, documentation: documentation(for: schema))))
                continue
            }
            let usage = usage(for: schema, nameHint: typeName, declaringAs: typeName)
            if usage.type != .declared(typeName) {
                declare(
                    .alias(IR.Alias(name: typeName, target: usage.type, documentation: documentation(for: schema))))
            }
        }
    }

    /// The name of the component schema a local reference names (`#/components/schemas/<name>`), if it is one.
    func componentName(of ref: String) -> String? { ComponentIndex.componentName(of: ref, kind: .schemas) }

    func documentation(for schema: OpenAPI.Schema) -> IR.Documentation {
        IR.Documentation(
            summary: schema.title, description: schema.description ?? schema.reference?.description,
            pointer: schema.pointer, constraints: schema.constraints)
    }

    // MARK: - Usage

    struct Usage {
        var type: IR.TypeUsage
        var isNullable: Bool
    }

    /// The Swift type for a schema.
    /// - Parameters:
    ///   - nameHint: the name to give a declaration the schema needs (an inline object, enum or union).
    ///   - declaringAs: set when the schema is a component being declared under this (already claimed) name.
    ///   The hint is made only when it is used (most schemas need no name: a string, a reference, a schema resolved
    ///   before); a struct's every property made one, with a name lookup and a concatenation.
    func usage(for schema: OpenAPI.Schema, nameHint: @autoclosure () -> String, declaringAs declaredName: String? = nil)
        -> Usage
    {
        if declaredName == nil, let cached = inlineUsages[schema.pointer] { return cached }
        let result = resolveUsage(for: schema, nameHint: nameHint, declaringAs: declaredName)
        if declaredName == nil { inlineUsages[schema.pointer] = result }
        return result
    }

    private func resolveUsage(
        for schema: OpenAPI.Schema, nameHint: () -> String, declaringAs declaredName: String?
    ) -> Usage {
        if let discriminator = schema.discriminator { checkMapping(of: discriminator) }
        if schema.reference != nil {
            // Through a chain of references too (`A: {$ref: B}`, B nullable): an alias does not carry nullability.
            let targetIsNullable = index.chain(from: schema).acceptsNull
            return Usage(
                type: resolveReference(of: schema, nameHint: nameHint()),
                isNullable: schema.nullable || targetIsNullable)
        }
        if let boolean = schema.booleanSchema {
            if !boolean {
                diagnostics.warning(
                    "the schema 'false' accepts no value; using JSONValue", at: location(schema.mark),
                    pointer: schema.pointer.description)
            }
            return Usage(type: .jsonValue, isNullable: false)
        }
        var isNullable = schema.nullable || schema.types.contains("null")
        let types = schema.types.filter { $0 != "null" }
        if let declaredName, let base = ComponentIndex.componentName(at: schema.pointer, kind: .schemas),
            let subtypes = polymorphicSubtypes[base]
        {
            // Each element decodes as the subtype its discriminator value names.
            let members = subtypes.map { subtype in
                OpenAPI.Schema(
                    reference: OpenAPI.Reference(ref: "#/components/schemas/\(subtype)", mark: schema.mark),
                    mark: schema.mark, pointer: index.schemas[subtype]!.pointer)
            }
            var visited: Set<JSONPointer> = []
            declareUnion(
                schema, members: members, kind: .oneOf, named: declaredName,
                sharedPropertyNames: collectProperties(schema, visited: &visited).properties.map(\.0))
            return Usage(type: .declared(declaredName), isNullable: isNullable)
        }
        func name() -> String {
            declaredName ?? claimTypeName(nameHint(), for: schema.pointer, mark: schema.mark)
        }

        if !schema.allOf.isEmpty {
            if schema.allOf.count == 1, schema.properties.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty,
                schema.enumValues == nil
            {
                let inner = usage(for: schema.allOf[0], nameHint: nameHint(), declaringAs: nil)
                return Usage(type: inner.type, isNullable: isNullable || inner.isNullable)
            }
            let typeName = name()
            declareStructure(merging: schema, named: typeName)
            return Usage(type: .declared(typeName), isNullable: isNullable)
        }
        let members = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        if !members.isEmpty {
            let nonNull = members.filter { !($0.types == ["null"] && $0.reference == nil) }
            if nonNull.count < members.count { isNullable = true }
            if nonNull.count == 1 {
                let inner = usage(for: nonNull[0], nameHint: nameHint(), declaringAs: nil)
                return Usage(type: inner.type, isNullable: isNullable || inner.isNullable)
            }
            if nonNull.isEmpty { return Usage(type: .jsonValue, isNullable: true) }
            let typeName = name()
            declareUnion(schema, members: nonNull, kind: schema.oneOf.isEmpty ? .anyOf : .oneOf, named: typeName)
            return Usage(type: .declared(typeName), isNullable: isNullable)
        }
        if let values = schema.enumValues {
            let nonNull = values.filter { $0.scalar?.value != .null || $0.scalar?.isPlain == false }
            if nonNull.count < values.count { isNullable = true }
            if let rawType = Self.enumRawType(of: nonNull, types: types) {
                let typeName = name()
                declareEnumeration(schema, values: nonNull, rawType: rawType, named: typeName)
                return Usage(type: .declared(typeName), isNullable: isNullable)
            }
            diagnostics.warning(
                "enum values of mixed or unsupported kinds; using JSONValue", at: location(schema.mark),
                pointer: schema.pointer.description)
            return Usage(type: .jsonValue, isNullable: isNullable)
        }
        if types.count > 1 {
            diagnostics.warning(
                "a schema of several types (\(types.joined(separator: ", "))) is decoded as JSONValue",
                at: location(schema.mark), pointer: schema.pointer.description)
            return Usage(type: .jsonValue, isNullable: isNullable)
        }
        if let format = schema.format, let jsonType = types.first, let override = configuration.formatTypes[format] {
            if override.type.reads(jsonType) { return Usage(type: override.type.usage, isNullable: isNullable) }
            diagnostics.warning(
                "'formats' maps '\(format)' to \(override.type.rawValue), which cannot read \(jsonType) values; "
                    + "this schema keeps the generator's type",
                at: location(schema.mark), pointer: schema.pointer.description)
        }
        let isObject = types.first == "object" || (types.isEmpty && !schema.properties.isEmpty)
        switch isObject ? "object" : types.first {
        case "object"?:
            if schema.properties.isEmpty {
                switch schema.additionalProperties {
                case .schema(let valueSchema)?:
                    let value = usage(for: valueSchema, nameHint: nameHint() + "Value")
                    return Usage(type: .dictionary(value.isNullable ? .jsonValue : value.type), isNullable: isNullable)
                default:
                    return Usage(type: .dictionary(.jsonValue), isNullable: isNullable)
                }
            }
            let typeName = name()
            declareStructure(merging: schema, named: typeName)
            return Usage(type: .declared(typeName), isNullable: isNullable)
        case "array"?:
            guard let items = schema.items else {
                return Usage(type: .array(.jsonValue), isNullable: isNullable)
            }
            let item = usage(for: items, nameHint: nameHint() + "Item")
            return Usage(type: .array(item.isNullable ? .jsonValue : item.type), isNullable: isNullable)
        case "string"?:
            switch schema.format {
            case "date-time": return Usage(type: .dateTime, isNullable: isNullable)
            case "date": return Usage(type: .date, isNullable: isNullable)
            case "byte": return Usage(type: .bytes, isNullable: isNullable)
            case "uri": return Usage(type: .url, isNullable: isNullable)
            default: return Usage(type: .string, isNullable: isNullable)
            }
        case "integer"?:
            switch schema.format {
            case "int32": return Usage(type: .int32, isNullable: isNullable)
            case "int64": return Usage(type: .int64, isNullable: isNullable)
            default: return Usage(type: .integer, isNullable: isNullable)
            }
        case "number"?:
            return Usage(type: schema.format == "float" ? .float : .double, isNullable: isNullable)
        case "boolean"?:
            return Usage(type: .boolean, isNullable: isNullable)
        default:
            if let constant = schema.constValue?.scalar {
                switch constant.value {
                case .string: return Usage(type: .string, isNullable: isNullable)
                case .integer: return Usage(type: .integer, isNullable: isNullable)
                case .number: return Usage(type: .double, isNullable: isNullable)
                case .bool: return Usage(type: .boolean, isNullable: isNullable)
                case .null: return Usage(type: .jsonValue, isNullable: true)
                }
            }
            if schema.title != nil || schema.description != nil || schema.format != nil {
                diagnostics.warning(
                    "schema has no 'type'; using JSONValue, which accepts any JSON", at: location(schema.mark),
                    pointer: schema.pointer.description)
            }
            return Usage(type: .jsonValue, isNullable: isNullable)
        }
    }

    /// The schema whose text documents a value: the schema itself, or for a bare reference the first schema of
    /// its chain of references with a description or title, else the last (`run_id`'s `$ref` → `RunIDParam` and
    /// its description).
    func describedSchema(_ schema: OpenAPI.Schema) -> OpenAPI.Schema? {
        guard schema.description == nil, schema.title == nil, schema.reference != nil else { return schema }
        return index.chain(from: schema).described ?? schema
    }

    /// Reports each `discriminator.mapping` target that names no component schema: a value that could never
    /// select a type. A target is a component name (`Cat`) or a reference (`#/components/schemas/Cat`).
    func checkMapping(of discriminator: OpenAPI.Schema.Discriminator) {
        for entry in discriminator.mapping {
            let isReference = entry.ref.contains("/") || entry.ref.contains("#")
            guard isReference else {
                if index.schemas[entry.ref] == nil {
                    diagnostics.error(
                        "discriminator value '\(entry.value)' maps to '\(entry.ref)', which names no schema in "
                            + "'components/schemas'" + Suggestion.clause(for: entry.ref, among: index.schemas.names),
                        at: location(entry.mark))
                }
                continue
            }
            // A reference to another file is reported where references are followed.
            guard entry.ref.hasPrefix("#") else { continue }
            if let component = componentName(of: entry.ref) {
                if index.schemas[component] == nil {
                    diagnostics.error(
                        "discriminator value '\(entry.value)' maps to '\(entry.ref)', which does not resolve; no schema "
                            + "named '\(component)' in 'components/schemas'"
                            + Suggestion.clause(for: component, among: index.schemas.names),
                        at: location(entry.mark))
                }
            } else if JSONPointer(fragment: entry.ref).flatMap({ index.schemasByPointer[$0] }) == nil {
                diagnostics.error(
                    "discriminator value '\(entry.value)' maps to '\(entry.ref)', which does not resolve to a schema",
                    at: location(entry.mark))
            }
        }
    }

    /// Whether a schema itself says `null` is a valid value: `nullable: true`, `type` listing `null`, `null` in
    /// its `enum`, or a `null` member of its `oneOf`/`anyOf`.
    static func acceptsNull(_ schema: OpenAPI.Schema) -> Bool {
        if schema.nullable || schema.types.contains("null") { return true }
        if schema.enumValues?.contains(where: { $0.scalar?.value == .null && $0.scalar?.isPlain == true }) == true {
            return true
        }
        return (schema.oneOf + schema.anyOf).contains { $0.types == ["null"] && $0.reference == nil }
    }

    /// The type the `$ref` of `schema` names: a component schema's declared name, or the type of a schema nested
    /// elsewhere.
    func resolveReference(of schema: OpenAPI.Schema, nameHint: @autoclosure () -> String) -> IR.TypeUsage {
        guard let target = index.target(ofReferenceIn: schema) else { return .jsonValue }
        if let component = target.component { return .declared(componentTypeNames[component]!) }
        let pointer = target.schema.pointer
        if let usage = usageByPointer[pointer] { return usage }
        usageByPointer[pointer] = .jsonValue  // a reference cycle through inline schemas ends here
        let hint = namer.typeName(for: pointer.tokens.last ?? nameHint())
        let usage = usage(for: target.schema, nameHint: hint).type
        usageByPointer[pointer] = usage
        return usage
    }

    /// The pointers of every schema under `components/schemas` and of every inline schema resolved so far, for
    /// "did you mean" suggestions.
    var knownSchemaPointers: Set<JSONPointer> { Set(index.componentSchemaPointers).union(inlineUsages.keys) }

    /// A word for what an inline schema is, used to name it: `Object`, `String`, `Array`, `Value`.
    static func kindName(of schema: OpenAPI.Schema) -> String {
        if !schema.properties.isEmpty || !schema.allOf.isEmpty { return "Object" }
        if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty { return "Choice" }
        switch schema.types.first(where: { $0 != "null" }) {
        case "object"?: return "Object"
        case "array"?: return "Array"
        case "string"?: return "String"
        case "integer"?: return "Integer"
        case "number"?: return "Number"
        case "boolean"?: return "Boolean"
        default: return "Value"
        }
    }

    /// The enum case for a union member of this type: `TaskID` → `taskID`, `String` → `string`.
    func caseName(for type: IR.TypeUsage) -> String {
        switch type {
        case .declared(let name): namer.memberName(for: name)
        case .string: "string"
        case .dateTime: "date"
        case .date: "calendarDate"
        case .bytes: "data"
        case .url: "url"
        case .uuid: "uuid"
        case .integer, .int32, .int64: "integer"
        case .double, .float: "number"
        case .boolean: "boolean"
        case .jsonValue: "value"
        case .array(let element): caseName(for: element).filter { $0 != "`" } + "s"
        case .dictionary: "object"
        }
    }
}
