/// How `TypeResolver` declares structs (merging `allOf`), enums and unions.
extension TypeResolver {
    /// The properties of a schema and of its `allOf` members (followed through references, chains of them and
    /// references to schemas nested in others), in order, each with the type name of the component that defines
    /// it (`nil` for the schema being declared; a nested schema keeps its referrer's): an inline type in a property
    /// is named after where it is defined, not after whichever struct reaches it first.
    func collectProperties(_ schema: OpenAPI.Schema, owner: String? = nil, visited: inout Set<JSONPointer>) -> (
        properties: [(String, OpenAPI.Schema, owner: String?)], required: Set<String>, forbidsAdditional: Bool
    ) {
        var properties: [(String, OpenAPI.Schema, owner: String?)] = []
        var owner = owner
        var required = Set(schema.required)
        var forbids = false
        if case .allowed(false)? = schema.additionalProperties { forbids = true }
        var target = schema
        if schema.reference != nil {
            // The index reports a reference that does not resolve, and a cycle.
            guard let resolved = index.followed(schema) else { return ([], [], false) }
            guard visited.insert(resolved.pointer).inserted else { return ([], [], false) }
            target = resolved
            if let component = ComponentIndex.componentName(at: resolved.pointer, kind: .schemas) {
                owner = componentTypeNames(component)
            }
            required.formUnion(resolved.required)
            if case .allowed(false)? = resolved.additionalProperties { forbids = true }
        }
        for member in target.allOf {
            let inner = collectProperties(member, owner: owner, visited: &visited)
            properties += inner.properties
            required.formUnion(inner.required)
            forbids = forbids || inner.forbidsAdditional
        }
        properties += target.properties.map { ($0.name, $0.schema, owner) }
        return (properties, required, forbids)
    }

    /// The one value a schema allows: its `const`, or the value of an `enum` that lists exactly one (not `null`).
    static func constant(of schema: OpenAPI.Schema) -> IR.Literal? {
        if let constant = schema.constValue { return IR.Literal(constant) }
        if let values = schema.enumValues, values.count == 1 { return IR.Literal(values[0]) }
        return nil
    }

    func declareStructure(merging schema: OpenAPI.Schema, named name: String) {
        var visited: Set<JSONPointer> = []
        let collected = collectProperties(schema, visited: &visited)
        var scope = NameScope(reserved: Constants.reservedStructMemberNames)
        scope.reserveCapacity(collected.properties.count)
        var seen: Set<String> = []
        var properties: [IR.Property] = []
        // A subtype of a polymorphic base carries its own discriminator value, fixed: encoded with its tag.
        var tags: [String: String] = [:]
        if let component = ComponentIndex.componentName(at: schema.pointer, kind: .schemas) {
            for member in schema.allOf {
                guard let ref = member.reference?.ref, let base = componentName(of: ref),
                    polymorphicSubtypes[base]?.contains(component) == true,
                    let propertyName = index.schemas[base]?.discriminator?.propertyName
                else { continue }
                tags[propertyName] = discriminatorValue(of: component, base: base)
            }
        }
        for (jsonName, propertySchema, owner) in collected.properties {
            if !seen.insert(jsonName).inserted {
                // allOf members that repeat a property: the first declaration wins.
                continue
            }
            let usage = usage(for: propertySchema, nameHint: (owner ?? name) + namer.typeName(for: jsonName))
            // What the property's schema says, else what the schemas its reference leads to say, nearest first.
            let chain = index.chain(from: propertySchema)
            let isRequired = collected.required.contains(jsonName)
            let proposed =
                overriddenName(
                    configuration.names.properties[propertySchema.pointer], kind: .member,
                    pointer: propertySchema.pointer) ?? namer.memberName(for: jsonName)
            let swiftName = scope.claim(proposed)
            if swiftName != proposed {
                diagnostics.note(
                    "property '\(jsonName)' is named '\(swiftName)' to avoid a clash",
                    at: location(propertySchema.mark), pointer: propertySchema.pointer.description)
            }
            var property = IR.Property(
                jsonName: jsonName, swiftName: swiftName, type: usage.type, isRequired: isRequired,
                isNullable: usage.isNullable,
                documentation: IR.Documentation(
                    summary: propertySchema.title,
                    description: propertySchema.description ?? propertySchema.reference?.description,
                    pointer: propertySchema.pointer, constraints: propertySchema.constraints),
                isDeprecated: propertySchema.deprecated, title: propertySchema.title,
                defaultValue: IR.Literal(
                    propertySchema.defaultValue ?? chain.defaultValue))
            property.isReadOnly = propertySchema.readOnly || chain.isReadOnly
            property.isWriteOnly = propertySchema.writeOnly || chain.isWriteOnly
            property.constant =
                tags[jsonName].map { .string($0) } ?? Self.constant(of: propertySchema)
                ?? chain.constantSchema.flatMap(Self.constant(of:))
            properties.append(property)
        }
        for requiredName in collected.required.sorted() where !seen.contains(requiredName) {
            diagnostics.warning(
                "required property '\(requiredName)' is not declared in 'properties'; it is kept with the undeclared properties",
                at: location(schema.mark), pointer: schema.pointer.description)
        }
        var additional: IR.TypeUsage? = .jsonValue
        if collected.forbidsAdditional {
            additional = nil
        } else if case .schema(let valueSchema)? = schema.additionalProperties {
            let value = usage(for: valueSchema, nameHint: name + "Value")
            additional = value.isNullable ? .jsonValue : value.type
        }
        declare(
            .structure(
                IR.Structure(
                    name: name, documentation: documentation(for: schema), properties: properties,
                    additionalProperties: additional, isDeprecated: schema.deprecated)))
    }

    func declareEnumeration(
        _ schema: OpenAPI.Schema, values: [YAMLNode], rawType: IR.Enumeration.RawType, named name: String
    ) {
        let configured = configuration.enumCaseNames[schema.pointer] ?? [:]
        namedEnumPointers.insert(schema.pointer)
        // The cases of an enum named by nothing but its values, whose values another such enum has listed already,
        // are that enum's: the same names, claimed in the same order, with no diagnostic (one listed twice, or named
        // apart to avoid a clash, is never kept for another).
        let plainValues = PlainEnumValues(
            schema, values: values, rawType: rawType, hasConfiguredNames: !configured.isEmpty)
        if let plainValues, let known = plainEnumCases[plainValues], known.literals == values.map({ IR.Literal($0) }) {
            declareEnumeration(
                schema, rawType: rawType, cases: known.cases, undocumented: known.undocumented, named: name)
            return
        }
        var scope = NameScope(reserved: Constants.reservedEnumMemberNames)
        scope.reserveCapacity(values.count + 1)
        let extensionNames = (schema.extensions["x-enum-varnames"] ?? schema.extensions["x-enumNames"])?.items?
            .compactMap { $0.scalar?.text }
        for key in ["x-enum-varnames", "x-enumNames", "x-enum-descriptions"] {
            guard let node = schema.extensions[key], let count = node.items?.count, count != values.count else {
                continue
            }
            // Matched by position: a length that differs means the lists no longer describe the same values.
            diagnostics.warning(
                "'\(key)' has \(count) items for the \(values.count) values of 'enum'; they are matched by position, "
                    + "so values past the shorter list get no \(key == "x-enum-descriptions" ? "description" : "name") "
                    + "from it",
                at: location(node.mark), pointer: schema.pointer.appending(key).description)
        }
        var hasDiagnostics = false
        // `x-enum-descriptions`: a sequence in the order of `enum` (or, as some tools write it, a mapping by value).
        let descriptionsNode = schema.extensions["x-enum-descriptions"]
        let descriptionItems = descriptionsNode?.items?.map { $0.scalar?.text }
        func description(index: Int, raw: String) -> String? {
            if let descriptionItems { return index < descriptionItems.count ? descriptionItems[index] : nil }
            return descriptionsNode?[raw]?.scalar?.text
        }
        var cases: [IR.Enumeration.Case] = []
        // Each distinct text's name once, and how many distinct texts share each name: each text's name has a slot
        // (`nameSlots`), each value its text's slot (`slotOfValue`), and each slot its count (`slotCounts`), so that the
        // loop over the values below looks no name up again (large documents declare thousands of enums).
        var textSlots: [String: Int] = [:]
        textSlots.reserveCapacity(values.count)
        var nameSlots: [String: Int] = [:]
        var slotNames: [String] = []
        var slotCounts: [Int] = []
        var slotOfValue: [Int] = []
        slotOfValue.reserveCapacity(values.count)
        // Whether each value is the first with its text (for every raw type but `json`, its text is its identity).
        var isFirstText: [Bool] = []
        isFirstText.reserveCapacity(values.count)
        for value in values {
            let text = value.scalar!.text
            if let slot = textSlots[text] {
                slotOfValue.append(slot)
                isFirstText.append(false)
                continue
            }
            let name = namer.memberName(for: text)
            let slot: Int
            if let existing = nameSlots[name] {
                slot = existing
                slotCounts[slot] += 1
            } else {
                slot = slotNames.count
                nameSlots[name] = slot
                slotNames.append(name)
                slotCounts.append(1)
            }
            textSlots[text] = slot
            slotOfValue.append(slot)
            isFirstText.append(true)
        }
        // Values of several kinds: `1` and `"1"` are two values, told apart by their literal (only for `json`).
        var seenLiterals: Set<String> = []
        for (index, value) in values.enumerated() {
            let raw = value.scalar!.text
            let literal = IR.Literal(value) ?? .string(raw)
            let isFirst = rawType == .json ? seenLiterals.insert("\(literal)").inserted : isFirstText[index]
            guard isFirst else {
                hasDiagnostics = true
                diagnostics.warning(
                    "enum value '\(raw)' is listed twice; the second is ignored", at: location(value.mark),
                    pointer: schema.pointer.appending("enum").appending(index).description)
                continue
            }
            var nameSource: String?
            let proposed: String
            if !configured.isEmpty, let (configuredName, _) = configured[raw] {
                nameSource = configuredName
                proposed = namer.memberName(for: configuredName)
            } else if let extensionNames, index < extensionNames.count {
                nameSource = extensionNames[index]
                proposed = namer.memberName(for: extensionNames[index])
            } else if rawType == .integer
                || (rawType == .json && { if case .integer = literal { true } else { false } }())
            {
                let number = Int64(raw) ?? 0
                proposed = number < 0 ? "valueMinus\(-number)" : "value\(number)"
            } else if rawType == .double
                || (rawType == .json && { if case .number = literal { true } else { false } }())
            {
                // `0.5` → `value0_5`, `-1.25` → `valueMinus1_25`.
                let digits = raw.hasPrefix("-") ? String(raw.dropFirst()) : raw
                proposed =
                    (raw.hasPrefix("-") ? "valueMinus" : "value")
                    + String(digits.map { $0.isNumber ? $0 : "_" })
            } else if case .boolean(let flag) = literal, rawType == .boolean || rawType == .json {
                proposed = flag ? "trueValue" : "falseValue"
            } else if raw.isEmpty {
                proposed = "empty"
            } else {
                // Values that differ only in signs (`GMT-1`, `GMT+1`) spell them out.
                let plainName = slotNames[slotOfValue[index]]
                let clashes = slotCounts[slotOfValue[index]] > 1
                let candidate = clashes ? namer.memberName(for: raw, spellingSigns: true) : plainName
                proposed = candidate == "unnamed" ? "value\(index + 1)" : candidate
            }
            let swiftName = scope.claim(proposed)
            if swiftName != proposed {
                hasDiagnostics = true
                diagnostics.note(
                    "enum value '\(raw)' is named '\(swiftName)' to avoid a clash", at: location(value.mark),
                    pointer: schema.pointer.description)
            }
            cases.append(
                .init(
                    swiftName: swiftName, rawValue: raw, literal: literal, nameSource: nameSource,
                    description: description(index: index, raw: raw)))
        }
        if let configuredFile = configuration.file {
            for (raw, (configuredName, mark)) in configured.sorted(by: { $0.key < $1.key })
            where !(rawType == .json ? seenLiterals.contains(raw) : textSlots[raw] != nil) {
                diagnostics.warning(
                    "'\(configuredName)' names value '\(raw)', which '\(schema.pointer)' does not list",
                    at: SourceLocation(file: configuredFile, mark: mark))
            }
        }
        let undocumented = scope.claim(Constants.undocumentedCaseName)
        if let plainValues, !hasDiagnostics {
            plainEnumCases[plainValues] = PlainEnumCases(
                literals: values.map { IR.Literal($0) }, cases: cases, undocumented: undocumented)
        }
        declareEnumeration(schema, rawType: rawType, cases: cases, undocumented: undocumented, named: name)
    }

    /// Declares the enum of `schema` with its cases and the name of its case for values the document does not list.
    private func declareEnumeration(
        _ schema: OpenAPI.Schema, rawType: IR.Enumeration.RawType, cases: [IR.Enumeration.Case],
        undocumented: String, named name: String
    ) {
        let defaultCase = schema.defaultValue?.scalar.flatMap { value in
            cases.first { $0.rawValue == value.text }?.swiftName
        }
        declare(
            .enumeration(
                IR.Enumeration(
                    name: name, rawType: rawType, cases: cases, documentation: documentation(for: schema),
                    undocumentedCaseName: undocumented, defaultCaseName: defaultCase,
                    nameProperty: enumNameProperty(schema, cases: cases))))
    }

    /// The name `x-enum-name-property` gives the property that returns each member's documented name, when it
    /// is a legal member name that the enum does not already use and some member has a name to return.
    func enumNameProperty(_ schema: OpenAPI.Schema, cases: [IR.Enumeration.Case]) -> String? {
        let key = Constants.enumNamePropertyExtension
        guard let node = schema.extensions[key] else { return nil }
        let at = location(node.mark)
        let pointer = schema.pointer.appending(key).description
        guard let text = node.scalar?.text else {
            diagnostics.error("'\(key)' must be a string: the name of a property, such as 'localeIdentifier'", at: at)
            return nil
        }
        guard let name = namer.checkedOverride(text, kind: .member, at: at, diagnostics: diagnostics) else {
            return nil
        }
        let taken = Constants.reservedEnumMemberNames.union(cases.map(\.swiftName))
        if taken.contains(name) || name == Constants.undocumentedCaseName {
            diagnostics.error(
                "'\(key)' names '\(name)', which the enum already declares; choose another name", at: at,
                pointer: pointer)
            return nil
        }
        guard cases.contains(where: { $0.nameSource != nil }) else {
            diagnostics.warning(
                "'\(key)' names '\(name)', but no value has a name ('x-enum-varnames' or the configuration's "
                    + "'enumCaseNames'), so no property is generated",
                at: at, pointer: pointer)
            return nil
        }
        return name
    }

    func declareUnion(
        _ schema: OpenAPI.Schema, members: [OpenAPI.Schema], kind: IR.Union.Kind, named name: String,
        sharedPropertyNames: [String] = []
    ) {
        var scope = NameScope(reserved: Constants.reservedUnionMemberNames)
        scope.reserveCapacity(members.count)
        var irMembers: [IR.Union.Member] = []
        for member in members {
            // An inline member is named after its title, or after what it is: `TreeObject`, `ShapeString`.
            let what = member.title.map { namer.typeName(for: $0) } ?? Self.kindName(of: member)
            let usage = usage(for: member, nameHint: name + what)
            let proposed = caseName(for: usage.type)
            let caseName = scope.claim(proposed)
            irMembers.append(
                .init(
                    caseName: caseName, type: usage.isNullable ? .jsonValue : usage.type,
                    documentation: IR.Documentation(
                        summary: member.title, description: member.description ?? member.reference?.description,
                        pointer: member.pointer)))
        }
        var discriminator: IR.Union.Discriminator?
        if let declared = schema.discriminator {
            let values = members.map { member -> [String] in
                guard let ref = member.reference?.ref else { return [] }
                let mapped = declared.mapping.filter { $0.ref == ref || $0.ref == componentName(of: ref) }.map(\.value)
                if !mapped.isEmpty { return mapped }
                return componentName(of: ref).map { [$0] } ?? []
            }
            discriminator = IR.Union.Discriminator(propertyName: declared.propertyName, valuesByMember: values)
        }
        var union = IR.Union(
            name: name, kind: kind, members: irMembers, documentation: documentation(for: schema),
            discriminator: discriminator)
        union.sharedPropertyNames = sharedPropertyNames
        declare(.union(union))
    }
}

/// The values of an enum whose case names come from its values alone: no configured case names
/// (`enumCaseNames`), no `x-enum-varnames`, `x-enumNames` or `x-enum-descriptions`, and a raw type whose values are
/// told apart by their text (not `json`). Two such enums with the same values have the same cases.
struct PlainEnumValues: Hashable {
    let rawType: IR.Enumeration.RawType
    /// Each value's text, in order.
    let texts: [String]

    /// `nil` when something besides the values names or describes the cases.
    init?(
        _ schema: OpenAPI.Schema, values: [YAMLNode], rawType: IR.Enumeration.RawType, hasConfiguredNames: Bool
    ) {
        guard rawType != .json, !hasConfiguredNames,
            !["x-enum-varnames", "x-enumNames", "x-enum-descriptions"].contains(where: { schema.extensions[$0] != nil })
        else { return nil }
        self.rawType = rawType
        texts = values.map { $0.scalar!.text }
    }
}

/// The cases made for a `PlainEnumValues`, kept for the next enum with those values.
struct PlainEnumCases {
    /// Each value's kind and value (`IR.Literal(_:)`), which its text alone does not fix (`1` and `"1"`).
    let literals: [IR.Literal?]
    let cases: [IR.Enumeration.Case]
    /// The name of the case for values the document does not list.
    let undocumented: String
}
