import Foundation

/// Builds the template context from the IR: one `Context.File` per generated file, paired with the
/// template that lays it out.
public struct Presenter {
    /// A file to render: the output name, the template, and the context it receives.
    public struct Job: Sendable {
        /// The output file name: `TaskID.swift`.
        public var fileName: String
        /// The template's name in the library: `Struct.swift`.
        public var templateName: String
        public var context: Context.File
        /// The file whose text this job's text follows, when it has no file of its own: the typealias of an
        /// identical schema joins the file of the type it names (`PencilColor` in `PenColor.swift`).
        public var partOf: String? = nil
    }

    /// Templates rendered once per module. Those named after a public runtime type
    /// (`Constants.moduleTypeSuffixes`: `Client.swift`, `Request.swift`…) produce `<moduleName><name>`
    /// (`CambAIClient.swift`); the others produce the file of the same name.
    public static let moduleTemplates = [
        "Client.swift", "Error.swift", "JSONValue.swift", "Transport.swift", "Request.swift", "Response.swift",
        "URLSessionTransport.swift", "Credential.swift", "QueryItems.swift", "ParameterValue.swift",
        "AnyCodingKey.swift", "JSONMatchable.swift", "Indirect.swift", "CalendarDate.swift", "RFC3339.swift",
        "Middleware.swift", "RetryMiddleware.swift", "LoggingMiddleware.swift", "ParameterEncoding.swift",
        "Servers.swift", "Nullable.swift", "StreamedResponse.swift",
    ]

    /// The document's file name, as the banner names it.
    public let documentName: String
    /// How operations report documented statuses: which template lays them out.
    public let operationStyle: OperationStyle
    /// The module's declarations by name, for what depends on another type (an enum default's case).
    var declarations: [String: IR.TypeDeclaration] = [:]
    /// The module's name, which the public runtime types take as a prefix (`CambAIJSONValue`).
    var moduleName = ""
    /// The name of each operation's outcome enum, by function name (see `outcomeTypeNames(for:)`).
    var outcomeTypeNames: [String: String] = [:]
    /// The names of the success, failure and headers types each operation declares (see `responseTypeNames(for:)`).
    var responseTypeNames: [String: String] = [:]
    /// Makes every doc comment of the module, each distinct text once. A presenter copy used on another thread
    /// gets its own (see `JobPlan.withDocLines(_:)`).
    var docLinesMaker = DocLinesMaker()
    /// The structs and enums that conform to `JSONMatchable` (see `matchableTypeNames(in:)`).
    var matchableTypeNames: Set<String> = []
    /// The structs an `anyOf` of objects has as members (see `anyOfObjectMemberNames(in:)`).
    var anyOfMemberNames: Set<String> = []

    public init(documentName: String, operationStyle: OperationStyle = .throwing) {
        self.documentName = documentName
        self.operationStyle = operationStyle
    }

    public func present(_ module: IR.Module) -> [Job] {
        prepared(for: module).presentModule(module)
    }

    /// This presenter with the module's tables (declarations, outcome and response type names, matchable types)
    /// filled in, ready to make the module's jobs.
    ///
    /// The tables made from the declarations and those made from the operations depend on nothing of each other:
    /// for a module of `concurrentPreparationThreshold` declarations or more, the two are made on two threads at
    /// once (``concurrently(_:_:)``). Each thread works on a presenter of its own, made afresh from this one's
    /// settings, so that no doc-lines maker (which is not thread-safe) is shared.
    /// - Parameter onTwoThreads: whether the two kinds of tables are made at once; `nil` to decide by the module's
    ///   size.
    func prepared(for module: IR.Module, onTwoThreads: Bool? = nil) -> Presenter {
        var presenter = self
        presenter.moduleName = module.name
        let (documentName, operationStyle) = (documentName, operationStyle)
        let declarationTables = { Presenter(documentName: documentName).declarationTables(for: module) }
        let operationTables = {
            Presenter(documentName: documentName, operationStyle: operationStyle).operationTables(for: module)
        }
        let isConcurrent = onTwoThreads ?? (module.types.count >= Self.concurrentPreparationThreshold)
        let (declarations, operations) =
            isConcurrent
            ? concurrently(declarationTables, operationTables) : (declarationTables(), operationTables())
        (presenter.declarations, presenter.matchableTypeNames, presenter.anyOfMemberNames) = declarations
        (presenter.outcomeTypeNames, presenter.responseTypeNames) = operations
        return presenter
    }

    /// The fewest declarations for which `prepared(for:)` makes its tables on two threads: below it (a small
    /// document, where the whole preparation takes well under a millisecond) a second thread would cost more than
    /// it saves.
    static let concurrentPreparationThreshold = 256

    /// The declarations by name (with each identical schema's typealias standing for its declaration), the
    /// `JSONMatchable` types and the `anyOf` member structs.
    private func declarationTables(
        for module: IR.Module
    ) -> (declarations: [String: IR.TypeDeclaration], matchable: Set<String>, anyOfMembers: Set<String>) {
        var presenter = self
        presenter.declarations = Self.declarationsByName(module.types)
        let matchable = Self.matchableTypeNames(in: module.types, byName: presenter.declarations)
        // What depends on another type's declaration (a union member's kind, an enum default's case) sees through the
        // typealias of an identical schema to the declaration it stands for, as it saw the schema's own before. The
        // `JSONMatchable` set above follows the typealias instead, so that the declaration itself conforms.
        for (name, target) in module.identicalSchemas {
            presenter.declarations[name] = presenter.declarations[target]
        }
        return (presenter.declarations, matchable, presenter.anyOfObjectMemberNames(in: module.types))
    }

    /// The names of each operation's outcome enum and of its response types.
    private func operationTables(for module: IR.Module) -> (outcomes: [String: String], responses: [String: String]) {
        var presenter = self
        presenter.outcomeTypeNames = Self.outcomeTypeNames(for: module)
        return (presenter.outcomeTypeNames, presenter.responseTypeNames(for: module))
    }

    func presentModule(_ module: IR.Module) -> [Job] {
        let plan = plan(module)
        var jobs: [Job] = []
        // A job holds a whole `Context.File` inline: growing the array would copy every job made so far.
        jobs.reserveCapacity(plan.count)
        for index in 0..<plan.count { jobs.append(plan.job(at: index)) }
        return jobs
    }

    /// The longest file name the generator writes, in UTF-8 bytes: ext4 and APFS refuse longer names.
    static let maximumFileNameLength = 255

    /// `<name>.swift`; when that is longer than `maximumFileNameLength` bytes (a schema name or an
    /// `operationId` thousands of characters long), the name's first 200 bytes (whole characters), a hyphen and
    /// the 16 hexadecimal digits of the name's 64-bit FNV-1a hash: `LongName…-0123456789abcdef.swift`. The hash
    /// keeps two long names that share their first 200 bytes apart, and the same name always gets the same file.
    static func swiftFileName(_ name: String) -> String {
        let suffix = ".swift"
        guard name.utf8.count + suffix.utf8.count > maximumFileNameLength else { return name + suffix }
        var prefix = ""
        var length = 0
        for character in name {
            length += character.utf8.count
            if length > 200 { break }
            prefix.append(character)
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return prefix + "-" + String(repeating: "0", count: 16 - hex.count) + hex + suffix
    }

    // MARK: - Pieces

    func typeName(_ usage: IR.TypeUsage) -> String {
        switch usage {
        case .declared(let name): name
        case .string: "String"
        case .dateTime: "Date"
        case .date: moduleName + "CalendarDate"
        case .bytes: "Data"
        case .url: "URL"
        case .uuid: "UUID"
        case .integer: "Int"
        case .int32: "Int32"
        case .int64: "Int64"
        case .double: "Double"
        case .float: "Float"
        case .boolean: "Bool"
        case .jsonValue: moduleName + "JSONValue"
        case .array(let element): "[\(typeName(element))]"
        case .dictionary(let value): "[String: \(typeName(value))]"
        }
    }

    func docLines(_ documentation: IR.Documentation, extra: [String] = []) -> [String] {
        docLinesMaker.docLines(
            summary: documentation.summary, description: documentation.description,
            pointer: documentation.pointer, extra: extra + Self.constraintLines(documentation))
    }

    /// `Constraints (the client does not check them): at least 1, at most 100.`, or nothing.
    static func constraintLines(_ documentation: IR.Documentation) -> [String] {
        guard !documentation.constraints.isEmpty else { return [] }
        return [
            "Constraints (the client does not check them): " + documentation.constraints.joined(separator: ", ") + "."
        ]
    }

    func present(moduleOf module: IR.Module) -> Context.Module {
        var summary = "A client for \(module.documentTitle)"
        if !module.documentVersion.isEmpty { summary += " \(module.documentVersion)" }
        let serverURL = module.defaultServerURL.flatMap { text in
            URL(string: text).flatMap { $0.scheme == nil || $0.host == nil ? nil : text }
        }
        var context = Context.Module(
            moduleName: module.name, clientName: module.clientName, errorName: module.errorName,
            docLines: docLinesMaker.docLines(
                summary: summary + ".", description: module.documentDescription, source: nil),
            defaultServerURLLiteral: serverURL.map(SwiftText.stringLiteral) ?? "",
            hasDefaultServerURL: serverURL != nil,
            credentials: module.credentials.map(present), hasCredentials: !module.credentials.isEmpty)
        context.access = module.accessLevel
        context.servers = presentServers(module.servers, module: module)
        presentOperationServers(of: module, into: &context)
        return context
    }

    /// The declarations by name, the first of each name; each declaration copied once, into the table.
    static func declarationsByName(_ types: [IR.TypeDeclaration]) -> [String: IR.TypeDeclaration] {
        var declarations: [String: IR.TypeDeclaration] = [:]
        declarations.reserveCapacity(types.count)
        for index in types.indices {
            let name = types[index].name
            if declarations[name] == nil { declarations[name] = types[index] }
        }
        return declarations
    }

    func present(_ structure: IR.Structure) -> Context.Structure {
        var codingKeys = NameScope(reserved: Constants.reservedCodingKeyNames)
        let isAnyOfMember = anyOfMemberNames.contains(structure.name)
        let properties = structure.properties.map { property in
            var presented = present(property)
            presented.codingKeyName = codingKeys.claim(property.swiftName)
            presented.decodingKey = isAnyOfMember ? presented.jsonNameLiteral : "." + presented.codingKeyName
            return presented
        }
        var context = Context.Structure(
            name: structure.name, docLines: docLines(structure.documentation),
            properties: properties,
            hasProperties: !structure.properties.isEmpty,
            hasAdditionalProperties: structure.additionalProperties != nil,
            additionalPropertiesTypeName: structure.additionalProperties.map { "[String: \(typeName($0))]" } ?? "",
            requiredKeys: Self.requiredKeys(of: structure))
        // Most structs have no constant property: their initializer takes every property, the same array (no copy of
        // each property's context, as filtering makes).
        if properties.contains(where: \.isConstant) {
            context.initProperties = properties.filter { !$0.isConstant }
            context.constantProperties = properties.filter(\.isConstant)
        } else {
            context.initProperties = properties
        }
        context.hasEncodedProperties = properties.contains { $0.isConstant || !$0.isReadOnly }
        context.hasConstantProperties = !context.constantProperties.isEmpty
        context.isMatchable = matchableTypeNames.contains(structure.name)
        context.isAnyOfMember = isAnyOfMember
        return context
    }

    /// The string literals of the keys a response must hold: the required properties' JSON names, without the
    /// write-only ones, which never come back. Read in place: filtering the properties first copied each one.
    static func requiredKeys(of structure: IR.Structure) -> [String] {
        var keys: [String] = []
        for index in structure.properties.indices {
            let isKept = structure.properties[index].isRequired && !structure.properties[index].isWriteOnly
            if isKept { keys.append(SwiftText.stringLiteral(structure.properties[index].jsonName)) }
        }
        return keys
    }

    /// The Swift spelling of a default value for a type: an enum case or a literal, when they agree.
    func defaultValue(_ literal: IR.Literal?, for type: IR.TypeUsage) -> (caseName: String?, literal: String?) {
        guard let literal else { return (nil, nil) }
        switch (type, literal) {
        case (.declared(let name), _):
            switch declarations[name] {
            case .enumeration(let enumeration)?:
                return (enumeration.cases.first { $0.rawValue == literal.text }?.swiftName, nil)
            case .alias(let alias)?:
                return defaultValue(literal, for: alias.target)
            default:
                return (nil, nil)
            }
        case (.string, .string(let value)): return (nil, SwiftText.stringLiteral(value))
        case (.integer, .integer), (.int32, .integer), (.int64, .integer): return (nil, literal.text)
        case (.double, .integer), (.double, .number), (.float, .integer), (.float, .number): return (nil, literal.text)
        case (.boolean, .boolean): return (nil, literal.text)
        default: return (nil, nil)
        }
    }

    func present(_ property: IR.Property) -> Context.Property {
        let base = typeName(property.type)
        // Read-only values are absent from what the caller builds, write-only ones from what the server sends: both
        // are optional in the one type that serves both directions.
        let isOptional = !property.isRequired || property.isNullable || property.isReadOnly || property.isWriteOnly
        // A required write-only value must be given when building a request, so its argument is not optional.
        let isArgumentOptional = isOptional && !(property.isWriteOnly && property.isRequired && !property.isNullable)
        var extra: [String] = []
        if property.isReadOnly { extra.append("Read-only: set by the server, never sent.") }
        if property.isWriteOnly {
            extra.append("Write-only: sent when set; responses leave it out, so it decodes as `nil`.")
        }
        // Optional and nullable: absent, `null` and a value are three states, `Nullable<T>?` (nil, .null, .value).
        let isTriState = property.isNullable && !property.isRequired
        if property.isNullable {
            // Required and nullable: the key is always there; `nil` is `null`, and a missing key is an error.
            extra.append(
                property.isRequired
                    ? "Always sent; `nil` is `null` on the wire."
                    : "May be `null` on the wire: `nil` leaves the key out, `.null` sends `null`.")
        }
        let (defaultCase, defaultLiteral) = defaultValue(property.defaultValue, for: property.type)
        if let defaultCase { extra.append("Default: `.\(defaultCase)`.") }
        if let defaultLiteral { extra.append("Default: `\(defaultLiteral)`.") }
        var context = Context.Property(
            swiftName: property.swiftName, codingKeyName: property.swiftName,
            jsonNameLiteral: SwiftText.stringLiteral(property.jsonName),
            typeName: isOptional ? base + "?" : base, baseTypeName: base,
            isOptional: isOptional, hasDefaultValue: defaultCase != nil || defaultLiteral != nil,
            hasDefaultCase: defaultCase != nil, defaultCaseName: defaultCase ?? "",
            defaultValueLiteral: defaultLiteral ?? "", isNullable: property.isNullable,
            isDateTime: property.type == .dateTime, isDecodedIfPresent: !property.isRequired || property.isWriteOnly,
            isEncodedIfPresent: !property.isRequired || property.isWriteOnly,
            docLines: docLinesMaker.docLines(
                summary: property.documentation.summary, description: property.documentation.description,
                pointer: property.documentation.pointer,
                extra: extra + Self.constraintLines(property.documentation)),
            isDeprecated: property.isDeprecated, isIndirect: property.isIndirect,
            storageName: "_" + property.swiftName.filter { $0 != "`" })
        context.decodedTypeName = property.isNullable ? base + "?" : base
        context.valueExpression =
            property.isIndirect
            ? context.storageName + (isOptional ? "?.value" : ".value")
            : property.isDeprecated ? context.storageName : context.swiftName
        context.argumentTypeName = isArgumentOptional ? base + "?" : base
        if isTriState {
            let nullable = moduleName + "Nullable<" + base + ">"
            context.isTriState = true
            context.typeName = nullable + "?"
            context.argumentTypeName = nullable + "?"
            if context.hasDefaultValue {
                // A default is a value: `.value(.cat)`, `.value("none")`.
                context.defaultValueLiteral = ".value(" + (defaultCase.map { "." + $0 } ?? defaultLiteral ?? "") + ")"
                context.hasDefaultCase = false
            }
        }
        context.isArgumentOptional = isArgumentOptional
        // `= .none` for an optional argument would be `nil` (Optional's own case): name the enum.
        if context.hasDefaultCase, context.argumentTypeName.hasSuffix("?"),
            ["none", "some"].contains(context.defaultCaseName.filter { $0 != "`" })
        {
            context.defaultValueLiteral = base + "." + context.defaultCaseName
            context.hasDefaultCase = false
        }
        context.isReadOnly = property.isReadOnly
        context.isRequired = property.isRequired
        if let constant = property.constant {
            let (caseName, literal) = defaultValue(constant, for: property.type)
            if let expression = caseName.map({ base + "." + $0 }) ?? literal {
                context.isConstant = true
                context.isTriState = false
                context.constantLiteral = expression
                context.constantJSONLiteral = Self.jsonLiteral(constant)
                context.typeName = base
                context.docLines = docLinesMaker.docLines(
                    summary: property.documentation.summary, description: property.documentation.description,
                    pointer: property.documentation.pointer,
                    extra: [
                        "Always `\(constant.text)`: the document fixes it. Sent as is; another value is a decoding error."
                    ])
            }
        }
        if property.isIndirect { context.boxedTypeName = String(context.typeName.dropLast(isOptional ? 1 : 0)) }
        return context
    }

    /// A `JSONValue` expression for a literal: `.string("v1")`, `.integer(2)`, `.bool(true)`.
    static func jsonLiteral(_ literal: IR.Literal) -> String {
        switch literal {
        case .string(let value): ".string(\(SwiftText.stringLiteral(value)))"
        case .integer(let value): ".integer(\(value))"
        case .number(let value): ".number(\(value))"
        case .boolean(let value): ".bool(\(value))"
        }
    }

    func present(_ enumeration: IR.Enumeration) -> Context.Enumeration {
        let isString = enumeration.rawType == .string
        /// The case's raw value as a Swift expression of the raw type.
        func literal(_ value: IR.Enumeration.Case) -> String {
            switch enumeration.rawType {
            case .string: return SwiftText.stringLiteral(value.rawValue)
            case .integer, .boolean: return value.rawValue
            case .double: return Double(value.rawValue).map { "\($0)" } ?? value.rawValue
            case .json: return value.literal.map(Self.jsonLiteral) ?? SwiftText.stringLiteral(value.rawValue)
            }
        }
        var context = Context.Enumeration(
            name: enumeration.name,
            docLines: docLines(
                enumeration.documentation,
                extra: [
                    "Values this version of the document does not list decode as `.\(enumeration.undocumentedCaseName)(_:)`, keep their raw value and encode back unchanged."
                ]),
            cases: enumeration.cases.map { value in
                let literal = literal(value)
                // `English (United States): `en-US` (1).`, or what of it the document and the overlay give.
                let named =
                    value.nameSource.map { "`\($0)` (\(isString ? literal : value.rawValue))" }
                    ?? "`\(isString ? literal : value.rawValue)`"
                let summary =
                    value.description.map { "\($0): \(named)." } ?? (value.nameSource == nil ? named : named + ".")
                return Context.EnumerationCase(
                    swiftName: value.swiftName, rawValueLiteral: literal,
                    docLines: docLinesMaker.docLines(summary: summary, description: nil, source: nil),
                    documentedNameLiteral: value.nameSource.map(SwiftText.stringLiteral) ?? "",
                    hasDocumentedName: value.nameSource != nil,
                    documentedDescriptionLiteral: value.description.map(SwiftText.stringLiteral) ?? "",
                    hasDocumentedDescription: value.description != nil)
            },
            rawTypeName: isString ? "String" : "Int", isString: isString,
            undocumentedCaseName: enumeration.undocumentedCaseName,
            hasDefault: enumeration.defaultCaseName != nil, defaultCaseName: enumeration.defaultCaseName ?? "",
            hasDocumentedNames: enumeration.cases.contains { $0.nameSource != nil },
            hasDocumentedDescriptions: enumeration.cases.contains { $0.description != nil },
            nameProperty: enumeration.nameProperty ?? "", hasNameProperty: enumeration.nameProperty != nil)
        switch enumeration.rawType {
        case .string: context.rawValueFromJSON = "value.stringValue"
        case .integer: context.rawValueFromJSON = "value.integerValue.flatMap({ Int(exactly: $0) })"
        case .double:
            context.rawTypeName = "Double"
            context.rawValueFromJSON = "value.doubleValue"
        case .boolean:
            context.rawTypeName = "Bool"
            context.rawValueFromJSON = "value.boolValue"
        case .json:
            context.rawTypeName = moduleName + "JSONValue"
            context.rawValueFromJSON = "Optional(value)"
        }
        context.isMatchable = matchableTypeNames.contains(enumeration.name)
        return context
    }

    func present(_ union: IR.Union) -> Context.Union {
        let rule =
            union.keepsEveryMember
            ? [
                "`anyOf`: decoding sets every member the payload fits (same fit rule as for `oneOf`: the JSON kind "
                    + "matches and, for objects, every required property is present with a fitting value) and leaves "
                    + "the others `nil`; a payload that fits none is a decoding error. Encoding merges the members that "
                    + "are set: the properties of objects are combined, the first member wins for other values."
            ]
            : [
                "`\(union.kind.rawValue)`: decoding picks the member the payload fits best: "
                    + (union.discriminator != nil
                        ? "first the discriminator property's value (a value naming no member is a decoding error); then "
                        : "")
                    + "a member fits when the JSON kind matches and, for objects, every required property is present, "
                    + "every fixed property (`const` or a one-value `enum`, such as a `kind` tag) holds its value, and "
                    + "every property present has a fitting value; among fitting members, the one with the most "
                    + "declared properties present with a full fit wins (an undocumented enum value fits, but only "
                    + "loosely, and adds nothing), and for other values a documented enum value beats an undocumented "
                    + "one; a tie goes to the member listed first in the document. Undeclared properties are kept in "
                    + "the chosen member's `additionalProperties`."
            ]
        let shortcuts = shortcuts(of: union)
        var context = Context.Union(
            name: union.name,
            docLines: docLinesMaker.docLines(
                summary: union.documentation.summary, description: union.documentation.description,
                pointer: union.documentation.pointer, extra: rule),
            members: union.members.enumerated().map { index, member in
                let values = union.discriminator?.valuesByMember[index] ?? []
                return Context.UnionMember(
                    caseName: member.caseName, typeName: typeName(member.type), index: index,
                    docLines: docLines(member.documentation),
                    discriminatorValues: values.map(SwiftText.stringLiteral),
                    hasDiscriminatorValues: !values.isEmpty,
                    isIndirect: union.isIndirect && isStoredOutOfLine(member.type))
            },
            hasDiscriminator: union.discriminator != nil, isIndirect: union.isIndirect,
            keepsEveryMember: union.keepsEveryMember, sharedProperties: sharedProperties(of: union),
            discriminatorLiteral: union.discriminator.map { SwiftText.stringLiteral($0.propertyName) } ?? "",
            shortcuts: shortcuts, hasShortcuts: !shortcuts.isEmpty)
        // The JSON kind every member needs, when they agree: the payload is read as that kind directly.
        let kinds = Set(
            union.members.map { member -> String? in
                switch underlyingType(of: member.type) {
                case .string: return "string"
                case .declared(let name):
                    switch declarations[name] {
                    case .structure?: return "object"
                    case .enumeration(let enumeration)? where enumeration.rawType == .string: return "string"
                    default: return nil
                    }
                default: return nil
                }
            })
        context.decodesObject = kinds == ["object"]
        if union.keepsEveryMember, let structures = memberStructures(of: union) {
            var seen: Set<String> = []
            for structure in structures {
                for property in structure.properties where seen.insert(property.jsonName).inserted {
                    context.memberPropertyNames.append(SwiftText.stringLiteral(property.jsonName))
                }
            }
        }
        context.decodesString = kinds == ["string"]
        // A string fits a `String` member alone when every other member is an object (a struct): an expandable
        // field's ID beside the objects it names.
        var objects = union
        objects.members.removeAll { underlyingType(of: $0.type) == .string }
        if objects.members.count == union.members.count - 1, !objects.members.isEmpty,
            memberStructures(of: objects) != nil,
            let string = union.members.first(where: { underlyingType(of: $0.type) == .string })
        {
            context.loneStringMemberCaseName = string.caseName
            context.hasLoneStringMember = true
        }
        return context
    }

    /// For a union held in an enum, a static member per case of its enum members whose name no other member's
    /// case has, and that the union does not declare itself: `.mp3` for `.audioOutputType(.mp3)`. Ambiguous
    /// names (a case of two members) get none, so that `.mp3` always means one value.
    func shortcuts(of union: IR.Union) -> [Context.UnionShortcut] {
        guard !union.keepsEveryMember else { return [] }
        var candidates: [Context.UnionShortcut] = []
        for member in union.members {
            guard case .declared(let name) = underlyingType(of: member.type),
                case .enumeration(let enumeration)? = declarations[name]
            else { continue }
            candidates += enumeration.cases.map {
                Context.UnionShortcut(swiftName: $0.swiftName, memberCaseName: member.caseName, typeName: name)
            }
        }
        let counts = Dictionary(candidates.map { ($0.swiftName, 1) }, uniquingKeysWith: +)
        let taken = Constants.reservedUnionMemberNames.union(union.members.map(\.caseName)).union(["init"])
        return candidates.filter { counts[$0.swiftName] == 1 && !taken.contains($0.swiftName) }
    }

    /// The base properties every member struct of a union has, with the same name and type.
    func sharedProperties(of union: IR.Union) -> [Context.SharedProperty] {
        union.sharedPropertyNames.compactMap { jsonName in
            var found: [(IR.Property, Context.Property)] = []
            for member in union.members {
                guard case .declared(let name) = underlyingType(of: member.type),
                    case .structure(let structure)? = declarations[name],
                    let property = structure.properties.first(where: { $0.jsonName == jsonName })
                else { return nil }
                found.append((property, present(property)))
            }
            guard let (property, first) = found.first,
                found.allSatisfy({ $0.1.swiftName == first.swiftName && $0.1.typeName == first.typeName })
            else { return nil }
            return Context.SharedProperty(
                swiftName: first.swiftName, typeName: first.typeName,
                docLines: docLinesMaker.docLines(
                    summary: property.documentation.summary, description: property.documentation.description,
                    pointer: property.documentation.pointer),
                memberCaseNames: union.members.map(\.caseName))
        }
    }

}
