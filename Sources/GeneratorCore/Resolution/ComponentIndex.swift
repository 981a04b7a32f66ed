/// Every component of a document by kind and name, and every schema by JSON pointer, built once per document:
/// the one place where references (`$ref`) are followed, chains and cycles included. The bundler has already
/// made references to other files local (`#/components/…`), so this index covers every loaded file.
///
/// Lookups are dictionary lookups; a chain of references is walked once per question (and a chain of schema
/// references once per document), so a chain of 100,000 references costs linear time.
final class ComponentIndex {
    /// The six kinds of reusable component the generator follows references to: `components/<kind>`.
    enum Kind: String, Sendable {
        case schemas, parameters, responses, requestBodies, headers, securitySchemes

        /// `#/components/<kind>/`, the start of a reference to a component of this kind.
        var referencePrefix: String {
            switch self {
            case .schemas: "#/components/schemas/"
            case .parameters: "#/components/parameters/"
            case .responses: "#/components/responses/"
            case .requestBodies: "#/components/requestBodies/"
            case .headers: "#/components/headers/"
            case .securitySchemes: "#/components/securitySchemes/"
            }
        }
    }

    /// One kind of component by name, with the names in document order (for "did you mean" suggestions).
    struct Components<Value> {
        let kind: Kind
        /// The names in document order; a name written twice is listed once and the first definition wins.
        let names: [String]
        private let byName: [String: Value]

        init(kind: Kind, _ entries: [(String, Value)]) {
            self.kind = kind
            var byName: [String: Value] = [:]
            var names: [String] = []
            for (name, value) in entries where byName[name] == nil {
                byName[name] = value
                names.append(name)
            }
            self.byName = byName
            self.names = names
        }

        subscript(name: String) -> Value? { byName[name] }
    }

    /// What a reference to a schema names: the schema, and its name when it is a component schema.
    struct SchemaTarget {
        let schema: OpenAPI.Schema
        /// The name in `components/schemas`; `nil` for a schema nested in another or in an operation.
        let component: String?
    }

    let schemas: Components<OpenAPI.Schema>
    let parameters: Components<OpenAPI.Referenceable<OpenAPI.Parameter>>
    let responses: Components<OpenAPI.Referenceable<OpenAPI.Response>>
    let requestBodies: Components<OpenAPI.Referenceable<OpenAPI.RequestBody>>
    let headers: Components<OpenAPI.Referenceable<OpenAPI.Header>>
    let securitySchemes: Components<OpenAPI.Referenceable<OpenAPI.SecurityScheme>>
    /// Whether the document is 3.1, where a `description` beside a `$ref` overrides the target's.
    let isVersion31: Bool
    let file: String
    let diagnostics: DiagnosticCollector

    private let document: OpenAPI.Document
    private var schemasByPointerStorage: [JSONPointer: OpenAPI.Schema]?
    /// Schemas whose chain of references has been walked (see `walkSchemaChains`), and those on a cycle. Tables
    /// by identity keep the schema too: one the resolver makes up and drops could otherwise leave its identity to
    /// another.
    /// A walked schema's entry keeps the schema its reference names (`nil` when it is not a reference, or when the
    /// reference does not resolve), so that `chain(from:)` does not look the reference up again.
    private var walkedSchemas: [ObjectIdentifier: (schema: OpenAPI.Schema, target: SchemaTarget?)] = [:]
    private var cyclicSchemas: Set<ObjectIdentifier> = []

    /// - Parameters:
    ///   - file: the document's path as printed in diagnostics (a node from another file names its own).
    init(document: OpenAPI.Document, file: String, diagnostics: DiagnosticCollector) {
        let components = document.components
        self.document = document
        self.file = file
        self.diagnostics = diagnostics
        isVersion31 = document.isVersion31
        schemas = Components(kind: .schemas, components.schemas.map { ($0.name, $0.schema) })
        parameters = Components(kind: .parameters, components.parameters.map { ($0.name, $0.parameter) })
        responses = Components(kind: .responses, components.responses.map { ($0.name, $0.response) })
        requestBodies = Components(kind: .requestBodies, components.requestBodies.map { ($0.name, $0.requestBody) })
        headers = Components(kind: .headers, components.headers.map { ($0.name, $0.header) })
        securitySchemes = Components(
            kind: .securitySchemes, components.securitySchemes.map { ($0.name, $0.scheme) })
    }

    private func location(_ mark: SourceMark) -> SourceLocation { SourceLocation(file: file, mark: mark) }

    // MARK: - Names

    /// The name of the component at `pointer` when it is `#/components/<kind>/<name>` itself (not inside one).
    static func componentName(at pointer: JSONPointer, kind: Kind) -> String? {
        let tokens = pointer.tokens
        return tokens.count == 3 && tokens[0] == "components" && tokens[1] == kind.rawValue ? tokens[2] : nil
    }

    /// The name of the component a local reference names, such as `Pet` for `#/components/schemas/Pet`.
    static func componentName(of ref: String, kind: Kind) -> String? {
        if let name = plainComponentName(of: ref, kind: kind) { return name }
        return JSONPointer(fragment: ref).flatMap { componentName(at: $0, kind: kind) }
    }

    /// The name in a reference written `#/components/<kind>/<name>` whose name needs no unescaping and cannot
    /// change how the reference splits into tokens: no `/`, `~` or `%`, and an ASCII first byte (a combining mark
    /// there would join the slash before it into one character). The common case, read without building a pointer;
    /// `nil` for any other reference, which `JSONPointer(fragment:)` reads.
    static func plainComponentName(of ref: String, kind: Kind) -> String? {
        let prefix = kind.referencePrefix.utf8
        let bytes = ref.utf8
        guard bytes.starts(with: prefix) else { return nil }
        let name = bytes.dropFirst(prefix.count)
        if let first = name.first, first >= 0x80 { return nil }
        guard !name.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "%") })
        else { return nil }
        return String(Substring(name))
    }

    // MARK: - Components other than schemas

    /// Follows a reference to `#/components/<kind>/<name>`, and the chain of references it leads through, to its
    /// value, with the first `description` written beside a `$ref` along the chain.
    ///
    /// Reports, at the reference, a reference to anything else, one that names no component (with the nearest
    /// name), and a cycle (`reference cycle: #/components/parameters/A → #/components/parameters/B → …`).
    /// - Returns: `nil` after an error.
    func follow<Value>(_ start: OpenAPI.Referenceable<Value>, in components: Components<OpenAPI.Referenceable<Value>>)
        -> (value: Value, description: String?)?
    {
        let kind = components.kind.rawValue
        var current = start
        var description: String?
        var chain: [String] = []
        var seen: Set<String> = []
        while true {
            switch current {
            case .value(let value):
                return (value, description)
            case .reference(let reference):
                if description == nil { description = reference.description }
                guard let name = Self.componentName(of: reference.ref, kind: components.kind) else {
                    diagnostics.error(
                        "reference '\(reference.ref)' is not supported here; expected '#/components/\(kind)/<name>'",
                        at: location(reference.mark))
                    return nil
                }
                guard seen.insert(reference.ref).inserted else {
                    diagnostics.error(
                        "reference cycle: \((chain + [reference.ref]).joined(separator: " → "))",
                        at: location(reference.mark))
                    return nil
                }
                chain.append(reference.ref)
                guard let next = components[name] else {
                    diagnostics.error(
                        "reference '\(reference.ref)' does not resolve; no entry '\(name)' in 'components/\(kind)'"
                            + Suggestion.clause(for: name, among: components.names),
                        at: location(reference.mark))
                    return nil
                }
                current = next
            }
        }
    }

    /// The value a reference leads to (see `follow`); in 3.1, a `description` beside a `$ref` of the chain replaces
    /// the target's (the Reference Object's override, for documentation only).
    func resolve<Value: OpenAPI.Described>(
        _ start: OpenAPI.Referenceable<Value>, in components: Components<OpenAPI.Referenceable<Value>>
    ) -> Value? {
        guard let followed = follow(start, in: components) else { return nil }
        var value = followed.value
        if isVersion31, let description = followed.description { value.description = description }
        return value
    }

    // MARK: - Schemas

    /// Every schema of the document by its pointer: component schemas and the schemas nested in them, and the
    /// schemas of parameters, request bodies, responses and headers, in `components` and in `paths`.
    var schemasByPointer: [JSONPointer: OpenAPI.Schema] {
        if let schemasByPointerStorage { return schemasByPointerStorage }
        let index = Self.indexSchemas(of: document)
        schemasByPointerStorage = index
        return index
    }

    /// The pointers of the schemas under `components/schemas`, for "did you mean" suggestions.
    var componentSchemaPointers: [JSONPointer] {
        schemasByPointer.keys.filter {
            $0.tokens.count >= 3 && $0.tokens[0] == "components" && $0.tokens[1] == "schemas"
        }
    }

    private static func indexSchemas(of document: OpenAPI.Document) -> [JSONPointer: OpenAPI.Schema] {
        var pending = document.components.schemas.map(\.schema)
        func add(_ content: [(mediaType: String, mediaTypeObject: OpenAPI.MediaType)]) {
            pending += content.compactMap(\.mediaTypeObject.schema)
        }
        func add(_ parameter: OpenAPI.Referenceable<OpenAPI.Parameter>) {
            guard case .value(let value) = parameter else { return }
            if let schema = value.schema { pending.append(schema) }
            add(value.content)
        }
        func add(_ header: OpenAPI.Referenceable<OpenAPI.Header>) {
            if case .value(let value) = header, let schema = value.schema { pending.append(schema) }
        }
        func add(_ body: OpenAPI.Referenceable<OpenAPI.RequestBody>) {
            if case .value(let value) = body { add(value.content) }
        }
        func add(_ response: OpenAPI.Referenceable<OpenAPI.Response>) {
            guard case .value(let value) = response else { return }
            add(value.content)
            for (_, header) in value.headers { add(header) }
        }
        let components = document.components
        for (_, parameter) in components.parameters { add(parameter) }
        for (_, body) in components.requestBodies { add(body) }
        for (_, response) in components.responses { add(response) }
        for (_, header) in components.headers { add(header) }
        for (_, item) in document.paths {
            for parameter in item.parameters { add(parameter) }
            for (_, operation) in item.operations {
                for parameter in operation.parameters { add(parameter) }
                if let body = operation.requestBody { add(body) }
                for (_, response) in operation.responses { add(response) }
            }
        }
        var index: [JSONPointer: OpenAPI.Schema] = [:]
        while let schema = pending.popLast() {
            guard index.updateValue(schema, forKey: schema.pointer) == nil else { continue }
            pending += schema.properties.map(\.schema) + schema.oneOf + schema.anyOf + schema.allOf
            if let items = schema.items { pending.append(items) }
            if case .schema(let value)? = schema.additionalProperties { pending.append(value) }
        }
        return index
    }

    /// The schema a reference names, one step: `#/components/schemas/<name>`, or any schema of the document by
    /// its pointer (`#/components/schemas/Pet/properties/id`). Reports a reference that does not resolve (with
    /// the nearest component name) or that leaves the document.
    /// - Returns: `nil` after an error.
    func target(of reference: OpenAPI.Reference) -> SchemaTarget? {
        target(of: reference, reporting: true)
    }

    private func target(of reference: OpenAPI.Reference, reporting: Bool) -> SchemaTarget? {
        if let name = Self.plainComponentName(of: reference.ref, kind: .schemas) {
            return componentTarget(named: name, reference: reference, reporting: reporting)
        }
        guard let pointer = JSONPointer(fragment: reference.ref) else {
            if reporting {
                diagnostics.error(
                    "reference '\(reference.ref)' is not supported; only references within the document ('#/…') are",
                    at: location(reference.mark))
            }
            return nil
        }
        if let name = Self.componentName(at: pointer, kind: .schemas) {
            return componentTarget(named: name, reference: reference, reporting: reporting)
        }
        if let schema = schemasByPointer[pointer] { return SchemaTarget(schema: schema, component: nil) }
        if reporting {
            diagnostics.error("reference '\(reference.ref)' does not resolve to a schema", at: location(reference.mark))
        }
        return nil
    }

    /// The component schema a reference names, or `nil` after reporting (when `reporting`) that there is none.
    private func componentTarget(named name: String, reference: OpenAPI.Reference, reporting: Bool) -> SchemaTarget? {
        if let schema = schemas[name] { return SchemaTarget(schema: schema, component: name) }
        if reporting {
            diagnostics.error(
                "reference '\(reference.ref)' does not resolve; no schema named '\(name)' in 'components/schemas'"
                    + Suggestion.clause(for: name, among: schemas.names),
                at: location(reference.mark))
        }
        return nil
    }

    /// What the schemas a reference leads to say, nearest first: its target, the target's target while that is a
    /// reference too, and so on, up to the first schema that is not a reference (the end).
    ///
    /// A class, immutable: a chain is asked for twice per referencing property (its type, then its facts), and
    /// handing one out then costs one retain instead of one per schema it holds.
    final class Chain: Sendable {
        /// The first schema that is not a reference; `nil` when the chain stops before a cycle (reported once, by
        /// `reportCycles(startingAt:)`) or at a reference that does not resolve (reported).
        let end: OpenAPI.Schema?
        /// The last schema reached: `end`, or the schema before the stop; `nil` when the first step fails.
        let last: OpenAPI.Schema?
        /// Whether a schema of the chain says `null` is valid (see `TypeResolver.acceptsNull`).
        let acceptsNull: Bool
        let isReadOnly: Bool
        let isWriteOnly: Bool
        /// The first `default` of the chain.
        let defaultValue: YAMLNode?
        /// The first schema of the chain with one allowed value (`const`, or a one-value `enum`).
        let constantSchema: OpenAPI.Schema?
        /// The first schema of the chain with a description or title, else `last`.
        let described: OpenAPI.Schema?

        /// The chain of a schema whose own facts are `schema`'s, followed by `rest` (the chain of its reference).
        init(_ schema: OpenAPI.Schema, then rest: Chain?) {
            let rest = rest ?? .empty
            end = schema.reference == nil ? schema : rest.end
            let last = schema.reference == nil ? schema : (rest.last ?? schema)
            self.last = last
            acceptsNull = TypeResolver.acceptsNull(schema) || rest.acceptsNull
            isReadOnly = schema.readOnly || rest.isReadOnly
            isWriteOnly = schema.writeOnly || rest.isWriteOnly
            defaultValue = schema.defaultValue ?? rest.defaultValue
            constantSchema = TypeResolver.constant(of: schema) != nil ? schema : rest.constantSchema
            described = schema.description != nil || schema.title != nil ? schema : (rest.described ?? last)
        }

        /// The chain of no schema: nothing, all false.
        private init() {
            end = nil
            last = nil
            acceptsNull = false
            isReadOnly = false
            isWriteOnly = false
            defaultValue = nil
            constantSchema = nil
            described = nil
        }

        /// The one empty chain (that of a schema that is not a reference, or of a stop), shared.
        static let empty = Chain()
    }

    /// The chains already folded, by schema identity: every schema's chain is followed once, so asking for each of
    /// 100,000 components that are each a reference to the next costs linear time. Every schema here was walked
    /// first, so `walkedSchemas` keeps it (and its identity) alive.
    private var chains: [ObjectIdentifier: Chain] = [:]

    /// What the schemas a schema's reference leads to say (see `Chain`); an empty chain for a schema that is not a
    /// reference. The schema's own keywords are not part of it.
    func chain(from schema: OpenAPI.Schema) -> Chain {
        guard schema.reference != nil else { return .empty }
        if let known = chains[ObjectIdentifier(schema)] { return known }
        walkSchemaChains(from: schema)
        // The references up to a schema whose chain is known, or the end; then folded from the far end back.
        var pending: [OpenAPI.Schema] = [schema]
        var rest: Chain?
        while let reference = pending.last!.reference {
            guard let target = walkedTarget(of: pending.last!, reference: reference), !isOnCycle(target) else {
                rest = .empty
                break
            }
            if target.reference == nil {
                rest = Chain(target, then: nil)
                break
            }
            if let known = chains[ObjectIdentifier(target)] {
                rest = Chain(target, then: known)
                break
            }
            pending.append(target)
        }
        var chain = rest ?? .empty
        for (offset, member) in pending.enumerated().reversed() {
            chains[ObjectIdentifier(member)] = chain
            if offset > 0 { chain = Chain(member, then: chain) }
        }
        return chains[ObjectIdentifier(schema)]!
    }

    /// The schema `schema`'s reference names, as its walk (`walkSchemaChains`) found it, without looking the
    /// reference up again; a reference that does not resolve is looked up again, to report it.
    private func walkedTarget(of schema: OpenAPI.Schema, reference: OpenAPI.Reference) -> OpenAPI.Schema? {
        if let walked = walkedSchemas[ObjectIdentifier(schema)], let target = walked.target { return target.schema }
        return target(of: reference)?.schema
    }

    /// What the reference of `schema` (a schema that is a `$ref`) names, as `target(of:)` says: read from the walk
    /// of its chain when `chain(from:)` or `reportCycles(startingAt:)` has walked it (one lookup by identity
    /// instead of one by name), otherwise looked up (and reported when it does not resolve).
    func target(ofReferenceIn schema: OpenAPI.Schema) -> SchemaTarget? {
        if let walked = walkedSchemas[ObjectIdentifier(schema)], let target = walked.target { return target }
        return schema.reference.flatMap { target(of: $0) }
    }

    /// The schema at the end of a chain of references: the schema itself when it is not a reference; `nil` when the
    /// chain stops before a cycle or at a reference that does not resolve.
    func followed(_ schema: OpenAPI.Schema) -> OpenAPI.Schema? {
        schema.reference == nil ? schema : chain(from: schema).end
    }

    /// Walks the chain of references from each start (in the order given) that an earlier walk did not reach,
    /// reporting each cycle (`A: {$ref: B}`, `B: {$ref: A}`, also through nested schemas) once, at the reference of
    /// the member met first: `reference cycle: A → B → A` (components by name, other schemas by pointer). Every
    /// schema is walked once in the life of the index, so a chain of 100,000 references costs linear time.
    func reportCycles(startingAt starts: [OpenAPI.Schema]) {
        for start in starts { walkSchemaChains(from: start) }
    }

    /// Whether a schema is on a cycle of references found so far (see `reportCycles(startingAt:)`).
    func isOnCycle(_ schema: OpenAPI.Schema) -> Bool { cyclicSchemas.contains(ObjectIdentifier(schema)) }

    /// Schemas are told apart by identity, not pointer: a schema the resolver makes up (a polymorphic base's member)
    /// shares the pointer of the component it refers to.
    private func walkSchemaChains(from start: OpenAPI.Schema) {
        guard walkedSchemas[ObjectIdentifier(start)] == nil else { return }
        // The common case without the walk's arrays: a schema that is no reference, or one whose target was walked
        // before (a property's `$ref` to a component already declared), ends its walk here. (A schema that names
        // itself is not walked yet: it takes the walk, which reports it.)
        guard let reference = start.reference else {
            walkedSchemas[ObjectIdentifier(start)] = (start, nil)
            return
        }
        let first = target(of: reference, reporting: false)
        if let next = first?.schema, walkedSchemas[ObjectIdentifier(next)] == nil {
            walkSchemaChains(from: start, then: next, target: first)
        } else {
            walkedSchemas[ObjectIdentifier(start)] = (start, first)
        }
    }

    /// The walk from `start`, whose reference names `target` (`next`, not yet walked).
    private func walkSchemaChains(from start: OpenAPI.Schema, then next: OpenAPI.Schema, target: SchemaTarget?) {
        var chain: [OpenAPI.Schema] = [start]
        var targets: [SchemaTarget?] = [target]
        // Positions by identity once the chain is long; a short one (the common case: a reference to a component
        // that is not one) is searched in place, without a dictionary.
        var position: [ObjectIdentifier: Int] = [:]
        let linearLimit = 8
        var current: OpenAPI.Schema? = next
        while let schema = current, walkedSchemas[ObjectIdentifier(schema)] == nil {
            let seenAt =
                chain.count <= linearLimit
                ? chain.firstIndex { $0 === schema } : position[ObjectIdentifier(schema)]
            if let index = seenAt {
                let cycle = chain[index...]
                cyclicSchemas.formUnion(cycle.map(ObjectIdentifier.init))
                let names = (cycle + [schema]).map { member in
                    Self.componentName(at: member.pointer, kind: .schemas) ?? member.pointer.description
                }
                if let reference = schema.reference {
                    diagnostics.error(
                        "reference cycle: \(names.joined(separator: " → "))", at: location(reference.mark),
                        pointer: schema.pointer.description)
                }
                break
            }
            if chain.count == linearLimit {
                for (offset, member) in chain.enumerated() { position[ObjectIdentifier(member)] = offset }
            }
            if chain.count >= linearLimit { position[ObjectIdentifier(schema)] = chain.count }
            chain.append(schema)
            let next = schema.reference.flatMap { self.target(of: $0, reporting: false) }
            targets.append(next)
            current = next?.schema
        }
        for (schema, target) in zip(chain, targets) { walkedSchemas[ObjectIdentifier(schema)] = (schema, target) }
    }
}
