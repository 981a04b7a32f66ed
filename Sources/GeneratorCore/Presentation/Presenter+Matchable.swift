extension Presenter {
    /// The structs and enums whose values a union scores (`JSONMatchable`): every union member that is a struct
    /// or an enum and, through the structs, the types of their properties, all the way down (through arrays,
    /// dictionaries, nested unions and typealiases). Only these conform (unions always do). A conformance is not
    /// free: the job that emits the module's interface checks every conformance of the module and lowers its
    /// witnesses in every build, whichever file changed, and most types of a large document are neither a
    /// union's member nor inside one (Box: 135 of its 731 structs are).
    /// - Parameter byName: the declarations by name, the first of each name (as `present(_:)` makes them);
    ///   built from `declarations` when not given.
    static func matchableTypeNames(
        in declarations: [IR.TypeDeclaration], byName: [String: IR.TypeDeclaration]? = nil
    ) -> Set<String> {
        let byName =
            byName ?? Dictionary(declarations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var matchable: Set<String> = []
        var visited: Set<String> = []
        var pending: [IR.TypeUsage] = declarations.flatMap { declaration -> [IR.TypeUsage] in
            guard case .union(let union) = declaration else { return [] }
            return union.members.map(\.type)
        }
        while let type = pending.popLast() {
            switch type {
            case .array(let element), .dictionary(let element):
                pending.append(element)
            case .declared(let name):
                guard visited.insert(name).inserted else { continue }
                switch byName[name] {
                case .structure(let structure)?:
                    matchable.insert(name)
                    pending += structure.properties.map(\.type)
                case .union(let union)?:
                    pending += union.members.map(\.type)
                case .alias(let alias)?:
                    pending.append(alias.target)
                case .enumeration?:
                    matchable.insert(name)
                case nil:
                    break
                }
            default:
                break
            }
        }
        return matchable
    }

    /// The structs an `anyOf` of objects has as members: those of every union that keeps every member that fits
    /// and whose members are all structs (`AnyOf.swift`'s `decodesObject`), seen through typealiases to the struct
    /// itself (`underlyingType(of:)`). Each decodes from the union's container too
    /// (`Context.Structure.isAnyOfMember`).
    func anyOfObjectMemberNames(in types: [IR.TypeDeclaration]) -> Set<String> {
        var names: Set<String> = []
        for declaration in types {
            guard case .union(let union) = declaration, union.keepsEveryMember,
                let structures = memberStructures(of: union)
            else { continue }
            names.formUnion(structures.map(\.name))
        }
        return names
    }

    /// The union's members' structs, in member order, when every member is a struct (through typealiases, see
    /// `underlyingType(of:)`); `nil` otherwise.
    func memberStructures(of union: IR.Union) -> [IR.Structure]? {
        var structures: [IR.Structure] = []
        for member in union.members {
            guard case .declared(let name) = underlyingType(of: member.type),
                case .structure(let structure)? = declarations[name]
            else { return nil }
            structures.append(structure)
        }
        return structures
    }

    /// Whether a member of a union that needs indirection is stored out of line (`Context.UnionMember.isIndirect`): a
    /// declared struct or union, through typealiases.
    func isStoredOutOfLine(_ type: IR.TypeUsage) -> Bool {
        guard case .declared(let name) = underlyingType(of: type) else { return false }
        if case .enumeration? = declarations[name] { return false }
        return true
    }

    /// The type a typealias stands for, through any chain of them (a component that is only a `$ref` to another,
    /// `Pet = Animal`, or one that is a plain string, `Token = String`); any other type as it is. What a union
    /// does with a member depends on the type its values have, not on the name it is spelled with.
    func underlyingType(of type: IR.TypeUsage) -> IR.TypeUsage {
        var type = type
        // A chain longer than the module's declarations would be a cycle; the resolver reports those.
        for _ in 0...declarations.count {
            guard case .declared(let name) = type, case .alias(let alias)? = declarations[name] else { return type }
            type = alias.target
        }
        return type
    }
}
