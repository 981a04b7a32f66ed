/// Keeps every generated value cheap to copy, for the compiler: a struct holds its properties inline, so a struct
/// whose property is another struct copies that struct's properties too, all the way down. The compiler writes
/// that copy (and the matching destroy) out in full in every file that copies the value, and in a debug build it
/// was most of the code of a large document's types (Stripe's `Invoice` alone: 13,000 LLVM instructions per copy,
/// in each file copying one). So, after `RecursiveTypes` has boxed what contains itself:
///
/// - a struct property whose type holds more than `limit` stored values (counting through nested structs and
///   unions, a boxed property as one) is stored out of line, in an `Indirect` box, like a recursive one;
/// - a union (enum) whose members hold more than `limit` stored values in all becomes an `indirect` enum.
///
/// What a type offers is the same either way (an indirect property is a computed property over its box); only
/// the layout changes.
enum LargeValues {
    /// The most stored values a struct property's or union's type may hold inline.
    static let limit = 16

    static func box(in declarations: [IR.TypeDeclaration]) -> [IR.TypeDeclaration] {
        let byName = Dictionary(declarations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var decided: [String: IR.TypeDeclaration] = [:]
        var costs: [String: Int] = [:]

        /// The stored values a copy of a value of `type` copies (a declaration not decided yet, which only a
        /// cycle `RecursiveTypes` left could cause, counts as one).
        func cost(of type: IR.TypeUsage) -> Int {
            guard case .declared(let name) = type else { return 1 }
            return costs[name] ?? 1
        }

        /// The declaration with its large members boxed, and the stored values it then holds; the declarations
        /// it holds inline are decided first.
        func decide(_ declaration: IR.TypeDeclaration) -> (IR.TypeDeclaration, Int) {
            switch declaration {
            case .structure(var structure):
                var total = structure.additionalProperties == nil ? 0 : 1
                for index in structure.properties.indices {
                    let property = structure.properties[index]
                    if property.isIndirect || property.constant != nil {
                        total += property.isIndirect ? 1 : 0
                        continue
                    }
                    let inline = cost(of: property.type)
                    if inline > limit, case .declared = property.type {
                        structure.properties[index].isIndirect = true
                        total += 1
                    } else {
                        total += inline
                    }
                }
                return (.structure(structure), max(total, 1))
            case .union(var union):
                if union.isIndirect { return (declaration, 1) }
                let total = union.members.reduce(0) { $0 + cost(of: $1.type) }
                // A union kept as a struct of every member (`keepsEveryMember`) has no enum to make indirect.
                if total > limit, !union.keepsEveryMember {
                    union.isIndirect = true
                    return (.union(union), 1)
                }
                return (.union(union), max(total, 1))
            case .alias(let alias):
                return (declaration, cost(of: alias.target))
            case .enumeration:
                return (declaration, 1)
            }
        }

        /// The declarations a declaration holds inline, whose size counts in its own.
        func inlineTargets(of declaration: IR.TypeDeclaration) -> [String] {
            func target(_ type: IR.TypeUsage) -> String? {
                if case .declared(let name) = type { return name }
                return nil
            }
            switch declaration {
            case .structure(let structure):
                return structure.properties.filter { !$0.isIndirect && $0.constant == nil }.compactMap {
                    target($0.type)
                }
            case .union(let union): return union.isIndirect ? [] : union.members.compactMap { target($0.type) }
            case .alias(let alias): return target(alias.target).map { [$0] } ?? []
            case .enumeration: return []
            }
        }

        // Depth first, without recursion so that long chains of nested schemas cannot overflow the stack: each
        // declaration is decided after the ones it holds inline.
        for root in declarations where costs[root.name] == nil {
            var stack: [(name: String, expanded: Bool)] = [(root.name, false)]
            var onPath: Set<String> = []
            while let (name, expanded) = stack.popLast() {
                guard costs[name] == nil, let declaration = byName[name] else { continue }
                if expanded {
                    onPath.remove(name)
                    let (result, total) = decide(declaration)
                    decided[name] = result
                    costs[name] = total
                    continue
                }
                guard onPath.insert(name).inserted else { continue }
                stack.append((name, true))
                for target in inlineTargets(of: declaration) where costs[target] == nil && !onPath.contains(target) {
                    stack.append((target, false))
                }
            }
        }
        return declarations.map { decided[$0.name] ?? $0 }
    }
}
