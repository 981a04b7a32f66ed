/// Keeps every generated value cheap to copy, for the compiler: a struct holds its properties inline, so a struct
/// whose property is another struct copies that struct's properties too, all the way down. The compiler writes
/// that copy (and the matching destroy) out in full in every file that copies the value, and in a debug build it
/// was most of the code of a large document's types (Stripe's `Invoice` alone: 13,000 LLVM instructions per copy,
/// in each file copying one). So, after `RecursiveTypes` has boxed what contains itself:
///
/// - a struct property whose type holds more than `limit` stored values (counting through nested structs and
///   unions, a boxed property as one) is stored out of line, in an `Indirect` box, like a recursive one;
/// - a union (enum) whose members hold more than `limit` stored values in all needs indirection (`isIndirect`): its
///   struct and union members are stored out of line (`indirect` cases), the others inline.
///
/// What a type offers is the same either way (an indirect property is a computed property over its box); only
/// the layout changes.
enum LargeValues {
    /// The most stored values a struct property's or union's type may hold inline.
    static let limit = 16

    static func box(in declarations: consuming [IR.TypeDeclaration]) -> [IR.TypeDeclaration] {
        // Declarations are numbered (by position) and changed in place: nothing below copies a declaration, and each
        // name is hashed once per reference to it. A name declared twice (never, in practice) is decided by its first
        // declaration, whose result every declaration of the name gets.
        var result = declarations
        var positionOfName: [String: Int] = [:]
        positionOfName.reserveCapacity(result.count)
        var duplicates: [(position: Int, first: Int)] = []
        var isFirst = [Bool](repeating: true, count: result.count)
        for position in result.indices {
            let name = result[position].name
            if let first = positionOfName[name] {
                duplicates.append((position, first))
                isFirst[position] = false
            } else {
                positionOfName[name] = position
            }
        }
        let undecided = -1
        /// For each declaration (its first position), the stored values a copy of it copies, once decided.
        var costs = [Int](repeating: undecided, count: result.count)

        /// The position of the declaration a declared type names.
        func targetPosition(of type: IR.TypeUsage) -> Int? {
            guard case .declared(let name) = type else { return nil }
            return positionOfName[name]
        }

        /// The stored values a copy of a value of `type` copies (a declaration not decided yet, which only a
        /// cycle `RecursiveTypes` left could cause, counts as one).
        func cost(of type: IR.TypeUsage) -> Int {
            guard let position = targetPosition(of: type), costs[position] != undecided else { return 1 }
            return costs[position]
        }

        /// Boxes the declaration's large members in place, and returns the stored values it then holds; the
        /// declarations it holds inline are decided first.
        func decide(_ position: Int) -> Int {
            switch result[position] {
            case .structure(let structure):
                var total = structure.additionalProperties == nil ? 0 : 1
                var boxed: [Int] = []
                for index in structure.properties.indices {
                    let isIndirect = structure.properties[index].isIndirect
                    if isIndirect || structure.properties[index].constant != nil {
                        total += isIndirect ? 1 : 0
                        continue
                    }
                    let type = structure.properties[index].type
                    let inline = cost(of: type)
                    if inline > limit, case .declared = type {
                        boxed.append(index)
                        total += 1
                    } else {
                        total += inline
                    }
                }
                if !boxed.isEmpty {
                    var changed = structure
                    for index in boxed { changed.properties[index].isIndirect = true }
                    result[position] = .structure(changed)
                }
                return max(total, 1)
            case .union(let union):
                if union.isIndirect { return 1 }
                let total = union.members.indices.reduce(0) { $0 + cost(of: union.members[$1].type) }
                // A union kept as a struct of every member (`keepsEveryMember`) has no enum to make indirect.
                if total > limit, !union.keepsEveryMember {
                    var changed = union
                    changed.isIndirect = true
                    result[position] = .union(changed)
                    return 1
                }
                return max(total, 1)
            case .alias(let alias):
                return cost(of: alias.target)
            case .enumeration:
                return 1
            }
        }

        /// The positions of the declarations a declaration holds inline, whose size counts in its own.
        func inlineTargets(of position: Int) -> [Int] {
            var targets: [Int] = []
            switch result[position] {
            case .structure(let structure):
                for index in structure.properties.indices
                where !structure.properties[index].isIndirect && structure.properties[index].constant == nil {
                    if let target = targetPosition(of: structure.properties[index].type) { targets.append(target) }
                }
            case .union(let union):
                guard !union.isIndirect else { break }
                for index in union.members.indices {
                    if let target = targetPosition(of: union.members[index].type) { targets.append(target) }
                }
            case .alias(let alias):
                if let target = targetPosition(of: alias.target) { targets.append(target) }
            case .enumeration:
                break
            }
            return targets
        }

        // Depth first, without recursion so that long chains of nested schemas cannot overflow the stack: each
        // declaration is decided after the ones it holds inline. Every path ends where it started, so `onPath` is
        // all false again after each root.
        var onPath = [Bool](repeating: false, count: result.count)
        for root in result.indices where isFirst[root] && costs[root] == undecided {
            var stack: [(position: Int, expanded: Bool)] = [(root, false)]
            while let (position, expanded) = stack.popLast() {
                guard costs[position] == undecided else { continue }
                if expanded {
                    onPath[position] = false
                    costs[position] = decide(position)
                    continue
                }
                guard !onPath[position] else { continue }
                onPath[position] = true
                stack.append((position, true))
                for target in inlineTargets(of: position) where costs[target] == undecided && !onPath[target] {
                    stack.append((target, false))
                }
            }
        }
        for (position, first) in duplicates { result[position] = result[first] }
        return result
    }
}
