/// Finds declarations that contain themselves by value (a struct property or union member whose type leads
/// back to the declaration without passing through an array or a dictionary), which Swift cannot lay out,
/// and marks where indirection is needed: such unions become `indirect` (each member that is a declared type other than
/// an enum is stored out of line), and such properties are stored out of line unless their type is one of those
/// unions, or an alias of one, which already breaks every cycle through it (a second box, as Stripe's expandable
/// fields had, would cost an allocation per value for nothing).
enum RecursiveTypes {
    static func breakCycles(in declarations: consuming [IR.TypeDeclaration]) -> [IR.TypeDeclaration] {
        var result = declarations
        let graph = Graph(result)
        let (components, componentCount) = graph.stronglyConnectedComponents()
        var selfContaining = [Bool](repeating: false, count: graph.names.count)
        var sizes = [Int](repeating: 0, count: componentCount)
        for node in graph.names.indices { sizes[components[node]] += 1 }
        for position in result.indices
        where holdsDirectly(result[position], graph.names[graph.nodeOfPosition[position]]) {
            selfContaining[graph.nodeOfPosition[position]] = true
        }
        func isRecursive(_ node: Int) -> Bool { sizes[components[node]] > 1 || selfContaining[node] }
        // Only declarations on a cycle change, in place; the others stay as they are (a struct copied to be changed
        // would copy its properties too).
        for position in result.indices {
            let node = graph.nodeOfPosition[position]
            switch result[position] {
            case .structure(let structure):
                guard isRecursive(node) else { continue }
                var changed = structure
                for index in structure.properties.indices {
                    if case .declared(let target) = structure.properties[index].type,
                        let targetNode = graph.nodeOfName[target], components[targetNode] == components[node],
                        !graph.isUnion(throughAliases: targetNode)
                    {
                        changed.properties[index].isIndirect = true
                    }
                }
                result[position] = .structure(changed)
            case .union(let union):
                let isIndirect = isRecursive(node)
                guard union.isIndirect != isIndirect else { continue }
                var changed = union
                changed.isIndirect = isIndirect
                result[position] = .union(changed)
            case .enumeration, .alias:
                continue
            }
        }
        return result
    }

    /// The declarations' by-value references as a graph: each distinct name is a node, numbered in order of first
    /// appearance; a name declared twice has the edges of its first declaration.
    struct Graph {
        var nodeOfName: [String: Int] = [:]
        var names: [String] = []
        var nodeOfPosition: [Int] = []
        /// For each node, the nodes its first declaration holds by value (`directTargets(of:)`), in order.
        var edges: [[Int]] = []
        /// For each node, whether its first declaration is a union.
        var isUnion: [Bool] = []
        /// For each node, whether its first declaration is an alias (whose one edge is its target).
        var isAlias: [Bool] = []

        /// Whether the node's first declaration is a union, or an alias of one, through any number of aliases.
        func isUnion(throughAliases node: Int) -> Bool {
            var node = node
            // At most one step per node: a chain of aliases that came back on itself would not end.
            for _ in names.indices {
                guard isAlias[node], let target = edges[node].first else { break }
                node = target
            }
            return isUnion[node]
        }

        init(_ declarations: [IR.TypeDeclaration]) {
            nodeOfName.reserveCapacity(declarations.count)
            var firstPositions: [Int] = []
            for position in declarations.indices {
                let name = declarations[position].name
                if let node = nodeOfName[name] {
                    nodeOfPosition.append(node)
                    continue
                }
                nodeOfName[name] = names.count
                nodeOfPosition.append(names.count)
                names.append(name)
                firstPositions.append(position)
            }
            isUnion = firstPositions.map { position in
                if case .union = declarations[position] { true } else { false }
            }
            isAlias = firstPositions.map { position in
                if case .alias = declarations[position] { true } else { false }
            }
            edges = firstPositions.map { position in
                // The same targets as `directTargets(of:)`, read in place (without copying each property).
                var targets: [Int] = []
                func add(_ type: IR.TypeUsage) {
                    if case .declared(let name) = type, let node = nodeOfName[name] { targets.append(node) }
                }
                switch declarations[position] {
                case .structure(let structure):
                    for index in structure.properties.indices { add(structure.properties[index].type) }
                case .union(let union):
                    for index in union.members.indices { add(union.members[index].type) }
                case .alias(let alias): add(alias.target)
                case .enumeration: break
                }
                return targets
            }
        }

        /// Tarjan's algorithm, without recursion so that long chains cannot overflow the stack.
        /// - Returns: for each node, the number of its strongly connected component; and how many there are.
        func stronglyConnectedComponents() -> (components: [Int], count: Int) {
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
            return (components, componentCount)
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

    /// Tarjan's algorithm (`Graph.stronglyConnectedComponents()`).
    /// - Returns: for each declaration name, the number of its strongly connected component.
    static func stronglyConnectedComponents(_ declarations: [IR.TypeDeclaration]) -> [String: Int] {
        let graph = Graph(declarations)
        return Dictionary(uniqueKeysWithValues: zip(graph.names, graph.stronglyConnectedComponents().components))
    }
}
