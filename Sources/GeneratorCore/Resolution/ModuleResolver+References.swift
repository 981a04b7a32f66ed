/// How `ModuleResolver` follows references to components other than schemas.
extension ModuleResolver {
    func resolveParameter(_ reference: OpenAPI.Referenceable<OpenAPI.Parameter>, document: OpenAPI.Document) -> OpenAPI
        .Parameter?
    {
        resolve(
            reference, in: document.components.parameters.map { ($0.name, $0.parameter) }, kind: "parameters",
            document: document)
    }

    func resolveResponse(_ reference: OpenAPI.Referenceable<OpenAPI.Response>, document: OpenAPI.Document) -> OpenAPI
        .Response?
    {
        resolve(
            reference, in: document.components.responses.map { ($0.name, $0.response) }, kind: "responses",
            document: document)
    }

    /// The value a reference leads to; in 3.1, a `description` beside a `$ref` of the chain replaces the
    /// target's (the Reference Object's override, for documentation only).
    func resolve<Value: OpenAPI.Described>(
        _ reference: OpenAPI.Referenceable<Value>, in components: [(String, OpenAPI.Referenceable<Value>)],
        kind: String,
        document: OpenAPI.Document
    ) -> Value? {
        var description: String?
        var value = follow(reference, in: components, kind: kind, description: &description)
        if document.isVersion31, let description { value?.description = description }
        return value
    }

    /// The name of the component at `pointer`, when it is `#/components/<kind>/<name>`.
    func componentName(of pointer: JSONPointer, kind: String) -> String? {
        guard pointer.tokens.count == 3, pointer.tokens[0] == "components", pointer.tokens[1] == kind else {
            return nil
        }
        return pointer.tokens[2]
    }

    /// Follows references to `#/components/<kind>/<name>` (also chains of them) to the value, reporting the
    /// first `description` written beside a `$ref` along the chain (which, in 3.1, overrides the target's).
    func follow<Value>(
        _ start: OpenAPI.Referenceable<Value>, in components: [(String, OpenAPI.Referenceable<Value>)], kind: String,
        description: inout String?
    ) -> Value? {
        var current = start
        var seen: [String] = []
        // A set and a dictionary beside the chain and the list: a chain of 20,000 references took seconds.
        var seenSet: Set<String> = []
        var byName: [String: OpenAPI.Referenceable<Value>]?
        while true {
            switch current {
            case .value(let value):
                return value
            case .reference(let reference):
                if description == nil { description = reference.description }
                guard let pointer = JSONPointer(fragment: reference.ref), pointer.tokens.count == 3,
                    pointer.tokens[0] == "components", pointer.tokens[1] == kind
                else {
                    diagnostics.error(
                        "reference '\(reference.ref)' is not supported here; expected '#/components/\(kind)/<name>'",
                        at: location(reference.mark))
                    return nil
                }
                guard !seenSet.contains(reference.ref) else {
                    diagnostics.error(
                        "reference cycle: \((seen + [reference.ref]).joined(separator: " → "))",
                        at: location(reference.mark))
                    return nil
                }
                seen.append(reference.ref)
                seenSet.insert(reference.ref)
                if byName == nil { byName = Dictionary(components, uniquingKeysWith: { first, _ in first }) }
                guard let next = byName?[pointer.tokens[2]] else {
                    diagnostics.error(
                        "reference '\(reference.ref)' does not resolve; no entry '\(pointer.tokens[2])' in 'components/\(kind)'"
                            + Suggestion.clause(for: pointer.tokens[2], among: components.map(\.0)),
                        at: location(reference.mark))
                    return nil
                }
                current = next
            }
        }
    }
}
