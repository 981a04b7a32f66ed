/// Gathers the `servers` lists of path items and operations while the resolver walks the operations, then names
/// a namespace of `<Module>Servers` for each operation that goes to one.
struct OperationServerLists {
    private struct Entry {
        var servers: [IR.Server]
        var operations: [(functionName: String, method: String, path: String, functions: Range<Int>)] = []
    }
    private var entries: [JSONPointer: Entry] = [:]
    /// The lists' keys (the pointer of each list's first server), in the order of the first operation using each.
    private var order: [JSONPointer] = []
    /// Every operation that goes to a list, in order, with its list's key.
    private var operationKeys: [(functionName: String, key: JSONPointer)] = []

    /// Records that `operation` goes to the list at `key`.
    /// - Parameters:
    ///   - functions: the indices, in the module's operations, of the operation's functions (the first and one
    ///     per further request media type), which share its servers.
    mutating func add(_ operation: IR.Operation, functions: Range<Int>, key: JSONPointer, servers: [IR.Server]) {
        if entries[key] == nil {
            entries[key] = Entry(servers: servers)
            order.append(key)
        }
        entries[key]?.operations.append((operation.functionName, operation.method, operation.path, functions))
        operationKeys.append((operation.functionName, key))
    }

    /// Names the namespaces: each operation, in order, claims its function name as a type name (`listFiles` →
    /// `ListFiles`); the first operation of a list names the list, the others become type aliases of it. A name
    /// already taken (a document server's `Server1`, a standard type such as `URL`) gets `Servers` appended
    /// (`Server1Servers`, `URLServers`) before any numeric suffix.
    /// - Parameters:
    ///   - reserving: the names the document's own servers take in `<Module>Servers` (`Server1`…).
    /// - Returns: the lists in the order of their first operation, and for each function (by its index in the
    ///   module's operations) its namespace and its operation's first function name.
    func named(reserving: Set<String>, namer: SwiftNamer) -> (
        [IR.OperationServerList], [Int: (typeName: String, functionName: String)]
    ) {
        var scope = NameScope(reserved: Constants.standardTypeNames.union(reserving))
        var names: [String: String] = [:]  // function name → namespace name
        for (functionName, _) in operationKeys {
            let bare = functionName.hasPrefix("`") ? String(functionName.dropFirst().dropLast()) : functionName
            let proposed = namer.typeName(for: bare)
            names[functionName] = scope.claim(scope.contains(proposed) ? proposed + "Servers" : proposed)
        }
        var byFunction: [Int: (typeName: String, functionName: String)] = [:]
        let lists = order.map { key -> IR.OperationServerList in
            let entry = entries[key]!
            let operations = entry.operations.map { operation in
                for index in operation.functions {
                    byFunction[index] = (names[operation.functionName]!, operation.functionName)
                }
                return (operation.functionName, operation.method, operation.path, names[operation.functionName]!)
            }
            return IR.OperationServerList(
                typeName: operations[0].3, operations: operations, servers: entry.servers,
                pointer: JSONPointer(key.tokens.dropLast()))
        }
        return (lists, byFunction)
    }
}
