/// Decides how each `anyOf` is represented. When no value can fit two members (different JSON kinds, or enums
/// of one kind with no value in common), an enum holding the one member that fits loses nothing. Otherwise
/// every member that fits must be kept, so the union becomes a struct with an optional property per member.
/// A recursive `anyOf` stays an (indirect) enum: its struct form would contain itself.
enum UnionShapes {
    /// What values of a type can be: JSON kinds, and for enums the listed values.
    struct Shape {
        var kinds: Set<String>
        /// The values of an enum, `nil` when any value of `kinds` fits.
        var values: Set<String>?

        static let any = Shape(
            kinds: ["null", "boolean", "integer", "number", "string", "array", "object"], values: nil)

        func overlaps(_ other: Shape) -> Bool {
            guard !kinds.isDisjoint(with: other.kinds) else { return false }
            guard let values, let otherValues = other.values else { return true }
            return !values.isDisjoint(with: otherValues)
        }
    }

    static func decide(_ declarations: consuming [IR.TypeDeclaration]) -> [IR.TypeDeclaration] {
        // Decided in place: only the unions decided change, and no other declaration is copied.
        var declarations = declarations
        // Only an `anyOf` that is not indirect is decided; without one there is nothing to look up.
        guard
            declarations.contains(where: {
                if case .union(let union) = $0 { return union.kind == .anyOf && !union.isIndirect }
                return false
            })
        else { return declarations }
        // The first declaration of each name, by its position (not a copy of each declaration).
        var positions: [String: Int] = [:]
        positions.reserveCapacity(declarations.count)
        // By index: `enumerated()` would copy each declaration out (retaining its properties or cases).
        for position in declarations.indices {
            let name = declarations[position].name
            if positions[name] == nil { positions[name] = position }
        }
        func shape(_ type: IR.TypeUsage, depth: Int = 0) -> Shape {
            guard depth < 32 else { return .any }
            switch type {
            case .string, .dateTime, .date, .bytes, .url, .uuid: return Shape(kinds: ["string"], values: nil)
            case .integer, .int32, .int64: return Shape(kinds: ["integer"], values: nil)
            case .double, .float: return Shape(kinds: ["integer", "number"], values: nil)
            case .boolean: return Shape(kinds: ["boolean"], values: nil)
            case .array: return Shape(kinds: ["array"], values: nil)
            case .dictionary: return Shape(kinds: ["object"], values: nil)
            case .jsonValue: return .any
            case .declared(let name):
                guard let position = positions[name] else { return .any }
                switch declarations[position] {
                case .enumeration(let enumeration):
                    let kinds: Set<String> =
                        switch enumeration.rawType {
                        case .string: ["string"]
                        case .integer: ["integer"]
                        case .double: ["integer", "number"]
                        case .boolean: ["boolean"]
                        case .json: ["string", "integer", "number", "boolean"]
                        }
                    return Shape(kinds: kinds, values: Set(enumeration.cases.map(\.rawValue)))
                case .structure: return Shape(kinds: ["object"], values: nil)
                case .alias(let alias): return shape(alias.target, depth: depth + 1)
                case .union(let union):
                    let shapes = union.members.map { shape($0.type, depth: depth + 1) }
                    return Shape(kinds: shapes.reduce(into: []) { $0.formUnion($1.kinds) }, values: nil)
                }
            }
        }
        for position in declarations.indices {
            guard case .union(var union) = declarations[position], union.kind == .anyOf, !union.isIndirect else {
                continue
            }
            let shapes = union.members.map { shape($0.type) }
            var overlapping = false
            for (index, first) in shapes.enumerated() {
                for second in shapes[(index + 1)...] where first.overlaps(second) { overlapping = true }
            }
            guard union.keepsEveryMember != overlapping else { continue }
            union.keepsEveryMember = overlapping
            declarations[position] = .union(union)
        }
        return declarations
    }
}
