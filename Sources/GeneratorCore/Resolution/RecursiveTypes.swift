/// Finds declarations that contain themselves by value (a struct property or union member whose type leads
/// back to the declaration without passing through an array or a dictionary), which Swift cannot lay out,
/// and marks where indirection is needed: such properties are stored out of line and such unions become
/// `indirect` enums.
enum RecursiveTypes {
    static func breakCycles(in declarations: [IR.TypeDeclaration]) -> [IR.TypeDeclaration] {
        let component = stronglyConnectedComponents(declarations)
        var selfContaining: Set<String> = []
        for declaration in declarations {
            let name = declaration.name
            if holdsDirectly(declaration, name) { selfContaining.insert(name) }
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
        // Only declarations on a cycle change; the others are returned as they are (a struct copied to be changed
        // would copy its properties too).
        return declarations.map { declaration in
            switch declaration {
            case .structure(var structure):
                guard isRecursive(structure.name) else { return declaration }
                for index in structure.properties.indices {
                    if case .declared(let target) = structure.properties[index].type,
                        sameComponent(structure.name, target)
                    {
                        structure.properties[index].isIndirect = true
                    }
                }
                return .structure(structure)
            case .union(var union):
                let isIndirect = isRecursive(union.name)
                guard union.isIndirect != isIndirect else { return declaration }
                union.isIndirect = isIndirect
                return .union(union)
            case .enumeration, .alias:
                return declaration
            }
        }
    }

    /// Whether a declaration holds the declared type `name` by value (`directTargets(of:)` contains it), without
    /// listing its targets.
    static func holdsDirectly(_ declaration: IR.TypeDeclaration, _ name: String) -> Bool {
        func isTarget(_ type: IR.TypeUsage) -> Bool {
            if case .declared(let target) = type { return target == name }
            return false
        }
        switch declaration {
        case .structure(let structure): return structure.properties.contains { isTarget($0.type) }
        case .union(let union): return union.members.contains { isTarget($0.type) }
        case .alias(let alias): return isTarget(alias.target)
        case .enumeration: return false
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
        // Each distinct name is a node, numbered in order of first appearance; a name declared twice has the edges of
        // its first declaration. The search below works on node numbers (no string is hashed in it).
        var nodeOfName: [String: Int] = [:]
        var names: [String] = []
        var firstDeclarations: [Int] = []
        for (position, declaration) in declarations.enumerated() {
            let name = declaration.name
            guard nodeOfName[name] == nil else { continue }
            nodeOfName[name] = names.count
            names.append(name)
            firstDeclarations.append(position)
        }
        let edges = firstDeclarations.map { directTargets(of: declarations[$0]).compactMap { nodeOfName[$0] } }
        let unvisited = -1
        var index = 0
        var indices = [Int](repeating: unvisited, count: names.count)
        var lowLinks = [Int](repeating: 0, count: names.count)
        var onStack = [Bool](repeating: false, count: names.count)
        var stack: [Int] = []
        var components = [Int](repeating: 0, count: names.count)
        var componentCount = 0
        for root in names.indices where indices[root] == unvisited {
            // Each frame: a node and the position of the next edge to follow.
            var frames: [(node: Int, next: Int)] = [(root, 0)]
            indices[root] = index
            lowLinks[root] = index
            index += 1
            stack.append(root)
            onStack[root] = true
            while let frame = frames.last {
                let targets = edges[frame.node]
                if frame.next < targets.count {
                    frames[frames.count - 1].next += 1
                    let target = targets[frame.next]
                    if indices[target] == unvisited {
                        indices[target] = index
                        lowLinks[target] = index
                        index += 1
                        stack.append(target)
                        onStack[target] = true
                        frames.append((target, 0))
                    } else if onStack[target] {
                        lowLinks[frame.node] = min(lowLinks[frame.node], indices[target])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    lowLinks[parent.node] = min(lowLinks[parent.node], lowLinks[frame.node])
                }
                if lowLinks[frame.node] == indices[frame.node] {
                    while let member = stack.popLast() {
                        onStack[member] = false
                        components[member] = componentCount
                        if member == frame.node { break }
                    }
                    componentCount += 1
                }
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(names, components))
    }
}
