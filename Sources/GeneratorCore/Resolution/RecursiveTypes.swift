/// Finds declarations that contain themselves by value (a struct property or union member whose type leads
/// back to the declaration without passing through an array or a dictionary), which Swift cannot lay out,
/// and marks where indirection is needed: such properties are stored out of line and such unions become
/// `indirect` enums.
enum RecursiveTypes {
    static func breakCycles(in declarations: [IR.TypeDeclaration]) -> [IR.TypeDeclaration] {
        let component = stronglyConnectedComponents(declarations)
        var selfContaining: Set<String> = []
        for declaration in declarations where directTargets(of: declaration).contains(declaration.name) {
            selfContaining.insert(declaration.name)
        }
        var sizes: [Int: Int] = [:]
        for (_, id) in component { sizes[id, default: 0] += 1 }
        func isRecursive(_ name: String) -> Bool {
            guard let id = component[name] else { return false }
            return sizes[id, default: 0] > 1 || selfContaining.contains(name)
        }
        func sameComponent(_ a: String, _ b: String) -> Bool {
            guard let first = component[a], let second = component[b] else { return false }
            return first == second && isRecursive(a)
        }
        return declarations.map { declaration in
            switch declaration {
            case .structure(var structure):
                for index in structure.properties.indices {
                    if case .declared(let target) = structure.properties[index].type,
                        sameComponent(structure.name, target)
                    {
                        structure.properties[index].isIndirect = true
                    }
                }
                return .structure(structure)
            case .union(var union):
                union.isIndirect = isRecursive(union.name)
                return .union(union)
            case .enumeration, .alias:
                return declaration
            }
        }
    }

    /// The declared types a declaration holds by value.
    static func directTargets(of declaration: IR.TypeDeclaration) -> [String] {
        func target(_ type: IR.TypeUsage) -> String? {
            if case .declared(let name) = type { return name }
            return nil
        }
        switch declaration {
        case .structure(let structure): return structure.properties.compactMap { target($0.type) }
        case .union(let union): return union.members.compactMap { target($0.type) }
        case .alias(let alias): return target(alias.target).map { [$0] } ?? []
        case .enumeration: return []
        }
    }

    /// Tarjan's algorithm, without recursion so that long chains cannot overflow the stack.
    /// - Returns: for each declaration name, the number of its strongly connected component.
    static func stronglyConnectedComponents(_ declarations: [IR.TypeDeclaration]) -> [String: Int] {
        let names = declarations.map(\.name)
        let known = Set(names)
        let edges = Dictionary(
            declarations.map { ($0.name, directTargets(of: $0).filter(known.contains)) },
            uniquingKeysWith: { a, _ in a })
        var index = 0
        var indices: [String: Int] = [:]
        var lowLinks: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var components: [String: Int] = [:]
        var componentCount = 0
        for root in names where indices[root] == nil {
            // Each frame: a node and the position of the next edge to follow.
            var frames: [(node: String, next: Int)] = [(root, 0)]
            indices[root] = index
            lowLinks[root] = index
            index += 1
            stack.append(root)
            onStack.insert(root)
            while let frame = frames.last {
                let targets = edges[frame.node] ?? []
                if frame.next < targets.count {
                    frames[frames.count - 1].next += 1
                    let target = targets[frame.next]
                    if indices[target] == nil {
                        indices[target] = index
                        lowLinks[target] = index
                        index += 1
                        stack.append(target)
                        onStack.insert(target)
                        frames.append((target, 0))
                    } else if onStack.contains(target) {
                        lowLinks[frame.node] = min(lowLinks[frame.node]!, indices[target]!)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    lowLinks[parent.node] = min(lowLinks[parent.node]!, lowLinks[frame.node]!)
                }
                if lowLinks[frame.node] == indices[frame.node] {
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        components[member] = componentCount
                        if member == frame.node { break }
                    }
                    componentCount += 1
                }
            }
        }
        return components
    }
}
