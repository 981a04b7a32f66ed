/// Inline schemas that declare the same type as another schema: one declaration for all of them, and a typealias
/// for each other name. Large documents repeat inline schemas many times: Stripe's form bodies spell out
/// `enum: [""]` (an empty string that clears a field) 639 times, and twelve of its operations each carry the same
/// list of 300 merchant categories; a third of the Swift that Stripe's document would generate declares a type
/// another file declares already. The compiler then checks, lowers and builds each copy again.
///
/// Two declarations are identical when they are the same but for their name, their own doc comment and where they
/// are: the same properties, cases or members, each with the same names, types, flags and documentation text
/// (apart from its source pointer). A property whose type is an inline schema's matches one whose type is an
/// inline schema identical to it, so identical trees of inline schemas (a struct with its own inline enums) are
/// found whole, and so are recursive ones; a property whose type is a component's matches only one of that very
/// component.
///
/// Only inline schemas (named after where they are, such as `PostCustomersRequestAddress`) become typealiases. A
/// component schema (`#/components/schemas/Address`) keeps its own type even when another component is
/// identical: the document's author named both, and a user may extend one and not the other. An inline schema
/// identical to a component becomes a typealias of the component. Among inline schemas alone, the one with the
/// shortest name (then the first in code-unit order) declares the type: adding or removing an unrelated schema
/// never changes which one.
enum IdenticalSchemas {
    /// `declarations` with each inline schema that is identical to another declaration replaced by a typealias of
    /// it, in the same order, and the names so replaced, each with the name of the declaration it stands for.
    /// Names that more than one declaration has (which the resolver reports) are left alone.
    static func merge(_ declarations: [IR.TypeDeclaration]) -> (
        declarations: [IR.TypeDeclaration], targets: [String: String]
    ) {
        var seenNames: Set<String> = []
        var repeatedNames: Set<String> = []
        for declaration in declarations where !seenNames.insert(declaration.name).inserted {
            repeatedNames.insert(declaration.name)
        }
        // Most declarations have property, case or member names no other has: those are identical to none, and
        // are numbered apart without building their shapes (a copy of the declaration, hashed whole). Outlines and
        // shapes are made and hashed in two halves at once (`inHalves`), then counted and numbered by those hashes.
        var outlines: [Hashed<Outline>?] = inHalves(of: declarations.indices) { index in
            let declaration = declarations[index]
            guard !repeatedNames.contains(declaration.name), let outline = Outline(declaration) else { return nil }
            return Hashed(outline)
        }
        var outlineCounts: [Hashed<Outline>: Int] = [:]
        for case let outline? in outlines { outlineCounts[outline, default: 0] += 1 }
        let candidates = declarations.indices.filter { outlines[$0] != nil }
        // Each candidate's shape with every declared type name taken out, and those names in the order they occur;
        // `nil` and no names for one whose outline is its own.
        let shapesAndReferences: [(shape: Hashed<Shape>?, references: [String])] = inHalves(of: candidates.indices) {
            let index = candidates[$0]
            guard outlineCounts[outlines[index]!] != 1 else { return (nil, []) }
            var names: [String] = []
            let shape = Shape(declarations[index], renaming: { names.append($0) }).map(Hashed.init)
            return (shape, names)
        }
        outlines = []
        var shapes = shapesAndReferences.map(\.shape)
        let references = shapesAndReferences.map(\.references)
        var candidateByName: [String: Int] = [:]
        for (candidate, index) in candidates.enumerated() { candidateByName[declarations[index].name] = candidate }

        // Each reference: to another inline candidate, or to a name that is a class of its own: a component schema
        // (which keeps its own type, so a reference to it names that type even when another component is identical),
        // a typealias, a repeated or unknown name.
        var otherNumbers: [String: Int] = [:]
        let links: [[Link]] = references.map { names in
            names.map { name in
                if let candidate = candidateByName[name], !isComponentSchema(declarations[candidates[candidate]]) {
                    return .candidate(candidate)
                }
                if let number = otherNumbers[name] { return .other(number) }
                otherNumbers[name] = otherNumbers.count
                return .other(otherNumbers.count - 1)
            }
        }
        var shapeNumbers = numbered(shapes)
        // An outline of its own: a number no shape has.
        var nextNumber = shapeNumbers.count
        for candidate in candidates.indices where shapes[candidate] == nil {
            shapeNumbers[candidate] = nextNumber
            nextNumber += 1
        }
        shapes = []
        var classes = [Class?](repeating: nil, count: candidates.count)

        // First the declarations that reach no cycle, each after those it refers to: its class is its shape with
        // the classes of what it refers to, so equal classes are equal trees. One pass, however long a chain of
        // references (100,000 components each referring to the one before, in `.ci/bounds`).
        var waiting = links.map { $0.count { if case .candidate = $0 { true } else { false } } }
        var referrers = [[Int]](repeating: [], count: candidates.count)
        for (candidate, list) in links.enumerated() {
            for case .candidate(let referenced) in list { referrers[referenced].append(candidate) }
        }
        var ready = candidates.indices.filter { waiting[$0] == 0 }
        var treeNumbers: [Signature: Int] = [:]
        while let candidate = ready.popLast() {
            let signature = Signature(
                own: shapeNumbers[candidate],
                references: links[candidate].map { link in
                    switch link {
                    case .candidate(let referenced): classes[referenced]!
                    case .other(let number): .other(number)
                    }
                })
            let number = treeNumbers[signature] ?? treeNumbers.count
            treeNumbers[signature] = number
            classes[candidate] = .tree(number)
            for referrer in referrers[candidate] {
                waiting[referrer] -= 1
                if waiting[referrer] == 0 { ready.append(referrer) }
            }
        }

        // Then those on a cycle or reaching one, by partition refinement: start from the classes of equal shapes,
        // then split each class by the classes of what its members refer to, until no class splits. What is left
        // are the largest sets of declarations that are the same all the way down, through their cycles. A
        // refinement that has not settled after `maximumRounds` rounds (a document built to need one per
        // declaration) merges none of them.
        let cyclic = candidates.indices.filter { classes[$0] == nil }
        var positions = [Int?](repeating: nil, count: candidates.count)
        for (position, candidate) in cyclic.enumerated() { positions[candidate] = position }
        var current = numbered(cyclic.map { shapeNumbers[$0] })
        var count = Set(current).count
        var isSettled = cyclic.isEmpty
        for _ in 0..<maximumRounds where !isSettled {
            let signatures = cyclic.enumerated().map { position, candidate in
                Signature(
                    own: current[position],
                    references: links[candidate].map { link in
                        switch link {
                        case .candidate(let referenced):
                            positions[referenced].map { .cycle(current[$0]) } ?? classes[referenced]!
                        case .other(let number): .other(number)
                        }
                    })
            }
            current = numbered(signatures)
            let refinedCount = Set(current).count
            isSettled = refinedCount == count
            count = refinedCount
        }
        for (position, candidate) in cyclic.enumerated() {
            classes[candidate] = isSettled ? .cycle(current[position]) : .unmerged(position)
        }

        var members: [Class: [Int]] = [:]
        for candidate in candidates.indices { members[classes[candidate]!, default: []].append(candidate) }
        var result = declarations
        var targets: [String: String] = [:]
        for group in members.values where group.count > 1 {
            let named = group.map { (index: candidates[$0], name: declarations[candidates[$0]].name) }
            let isComponent = named.map { isComponentSchema(declarations[$0.index]) }
            guard isComponent.contains(false) else { continue }
            let chosen = named.indices.min { a, b in
                if isComponent[a] != isComponent[b] { return isComponent[a] }
                let (first, second) = (named[a].name, named[b].name)
                if first.utf8.count != second.utf8.count { return first.utf8.count < second.utf8.count }
                return Array(first.utf8).lexicographicallyPrecedes(second.utf8)
            }!
            for position in named.indices where position != chosen && !isComponent[position] {
                let declaration = declarations[named[position].index]
                result[named[position].index] = .alias(
                    IR.Alias(
                        name: declaration.name, target: .declared(named[chosen].name),
                        documentation: declaration.documentation))
                targets[declaration.name] = named[chosen].name
            }
        }
        return (result, targets)
    }

    /// `transform` of each of `indices`, in their order: on two threads at once, a half each (``concurrently(_:_:)``),
    /// for `parallelCount` of them or more. `transform` must only read what it shares.
    private static func inHalves<Element>(of indices: Range<Int>, _ transform: (Int) -> Element) -> [Element] {
        guard indices.count >= parallelCount else { return indices.map(transform) }
        let middle = indices.lowerBound + indices.count / 2
        let (first, second) = concurrently(
            { (indices.lowerBound..<middle).map(transform) }, { (middle..<indices.upperBound).map(transform) })
        return first + second
    }

    /// The fewest declarations `inHalves(of:_:)` shares between two threads: a round figure, not a measured
    /// break-even. The documents measured are far on either side of it (stripe 5,849 declarations, of which 4,283
    /// need a shape, box 1,146, twilio 397, `openapi.yaml` 12 and none), and box's whole merge took 5 to 8 ms on
    /// one thread, so a document under it has little to share.
    static let parallelCount = 256

    /// A value and its hash, computed once (on the thread that made the value): a dictionary of them hashes only the
    /// number, and compares two values whole only when their hashes are equal.
    private struct Hashed<Value: Hashable>: Hashable {
        let value: Value
        let hash: Int

        init(_ value: Value) {
            self.value = value
            hash = value.hashValue
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (lhs: Self, rhs: Self) -> Bool { lhs.hash == rhs.hash && lhs.value == rhs.value }
    }

    /// Each value's number, in order of first appearance: equal values get equal numbers.
    private static func numbered<Value: Hashable>(_ values: [Value]) -> [Int] {
        var numbers: [Value: Int] = [:]
        numbers.reserveCapacity(values.count)
        return values.map { value in
            if let number = numbers[value] { return number }
            let number = numbers.count
            numbers[value] = number
            return number
        }
    }

    /// Whether the declaration is a component schema's own (`#/components/schemas/Address`), not one inside it
    /// or inline elsewhere.
    static func isComponentSchema(_ declaration: IR.TypeDeclaration) -> Bool {
        let tokens = declaration.documentation.pointer.tokens
        return tokens.count == 3 && tokens[0] == "components" && tokens[1] == "schemas"
    }

    /// The most rounds of partition refinement. Real documents settle in a few: Stripe's 481 declarations on
    /// cycles and OpenAI's 102 settled in two, measured when references to components still took part.
    static let maximumRounds = 64

    /// A reference from a candidate declaration: to another candidate (its position among them), or to a name
    /// that is none (numbered in order of appearance).
    private enum Link {
        case candidate(Int)
        case other(Int)
    }

    /// Which declarations are the same. `tree`: one that reaches no cycle, by its shape and what it refers to;
    /// `cycle`: one on a cycle or reaching one, by its settled refinement class; `other`: a name that is no
    /// candidate; `unmerged`: one of a refinement that did not settle, alone.
    private enum Class: Hashable {
        case tree(Int)
        case cycle(Int)
        case other(Int)
        case unmerged(Int)
    }

    /// A declaration's shape or class, with the classes of the declarations it refers to, in order.
    private struct Signature: Hashable {
        var own: Int
        var references: [Class]
    }

    /// What identical declarations have in common and is quick to compare: their kind, and the names of their
    /// properties, the raw values of their cases or the case names of their members, in order (a shape keeps them
    /// all, so equal shapes have equal outlines).
    private struct Outline: Hashable {
        var kind: Int
        var names: [String]

        /// `nil` for a typealias, which is not merged.
        init?(_ declaration: IR.TypeDeclaration) {
            switch declaration {
            case .structure(let structure):
                kind = 0
                names = structure.properties.map(\.jsonName)
            case .enumeration(let enumeration):
                kind = 1
                names = enumeration.cases.map(\.rawValue)
            case .union(let union):
                kind = 2
                names = union.members.map(\.caseName)
            case .alias:
                return nil
            }
        }
    }

    /// A struct, enum or union without its name, its own documentation and its source pointers, and with every
    /// declared type name it refers to taken out (`.declared("")`). Synthesised `Hashable` over the IR's own
    /// types, so a field added to the IR takes part without being listed here.
    private enum Shape: Hashable {
        case structure(IR.Structure)
        case enumeration(IR.Enumeration)
        case union(IR.Union)

        /// `nil` for a typealias, which is not merged.
        init?(_ declaration: IR.TypeDeclaration, renaming: (String) -> Void) {
            func strip(_ documentation: inout IR.Documentation) { documentation.pointer = JSONPointer() }
            func strip(_ type: IR.TypeUsage) -> IR.TypeUsage {
                switch type {
                case .declared(let name):
                    renaming(name)
                    return .declared("")
                case .array(let element): return .array(strip(element))
                case .dictionary(let value): return .dictionary(strip(value))
                default: return type
                }
            }
            let none = IR.Documentation(pointer: JSONPointer())
            switch declaration {
            case .structure(var structure):
                structure.name = ""
                structure.documentation = none
                for index in structure.properties.indices {
                    structure.properties[index].type = strip(structure.properties[index].type)
                    strip(&structure.properties[index].documentation)
                }
                structure.additionalProperties = structure.additionalProperties.map(strip)
                self = .structure(structure)
            case .enumeration(var enumeration):
                enumeration.name = ""
                enumeration.documentation = none
                self = .enumeration(enumeration)
            case .union(var union):
                union.name = ""
                union.documentation = none
                for index in union.members.indices {
                    union.members[index].type = strip(union.members[index].type)
                    strip(&union.members[index].documentation)
                }
                self = .union(union)
            case .alias:
                return nil
            }
        }
    }
}

extension IR.TypeDeclaration {
    /// The declaration's own documentation: its doc comment's text and its source pointer.
    var documentation: IR.Documentation {
        switch self {
        case .structure(let value): value.documentation
        case .enumeration(let value): value.documentation
        case .union(let value): value.documentation
        case .alias(let value): value.documentation
        }
    }
}
