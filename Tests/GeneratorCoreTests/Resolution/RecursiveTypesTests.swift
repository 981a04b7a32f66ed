import Testing

@testable import GeneratorCore

/// `RecursiveTypes`: strongly connected components of the declarations' by-value references, numbered in the order
/// Tarjan's search completes them, and the indirection they call for.
@Suite struct RecursiveTypesTests {
    static let documentation = IR.Documentation(pointer: JSONPointer())

    static func structure(_ name: String, _ types: [IR.TypeUsage]) -> IR.TypeDeclaration {
        .structure(
            IR.Structure(
                name: name, documentation: documentation,
                properties: types.enumerated().map { index, type in
                    IR.Property(
                        jsonName: "p\(index)", swiftName: "p\(index)", type: type, isRequired: true, isNullable: false,
                        documentation: documentation, isDeprecated: false)
                }, additionalProperties: nil, isDeprecated: false))
    }

    static func alias(_ name: String, _ target: IR.TypeUsage) -> IR.TypeDeclaration {
        .alias(IR.Alias(name: name, target: target, documentation: documentation))
    }

    static func union(_ name: String, _ types: [IR.TypeUsage]) -> IR.TypeDeclaration {
        .union(
            IR.Union(
                name: name, kind: .oneOf,
                members: types.map { IR.Union.Member(caseName: "m", type: $0, documentation: documentation) },
                documentation: documentation))
    }

    /// A ⇄ B (a cycle), C → C (itself, through an alias), D → A and E (reaching a cycle is not being on one),
    /// E an enum, F → [F] (through an array, which is stored out of line anyway), and a second `A` whose edge
    /// (to F) is ignored: the first declaration of a name gives its edges.
    static let declarations: [IR.TypeDeclaration] = [
        structure("A", [.declared("B"), .string]),
        structure("B", [.declared("A"), .declared("Unknown")]),
        alias("C", .declared("C")),
        union("D", [.declared("A"), .declared("E")]),
        .enumeration(
            IR.Enumeration(
                name: "E", rawType: .string, cases: [], documentation: documentation, undocumentedCaseName: "x",
                defaultCaseName: nil)),
        structure("F", [.array(.declared("F"))]),
        alias("A", .declared("F")),
    ]

    @Test func componentsInCompletionOrder() {
        // The search starts at A, goes to B and back to A: {A, B} completes first (0). C completes alone (1). From
        // D, A is done and E completes (2) before D (3). F is last (4).
        #expect(
            RecursiveTypes.stronglyConnectedComponents(Self.declarations) == [
                "A": 0, "B": 0, "C": 1, "D": 3, "E": 2, "F": 4,
            ])
    }

    @Test func propertiesOnACycleAreIndirect() {
        let result = RecursiveTypes.breakCycles(in: Self.declarations)
        #expect(result.map(\.name) == ["A", "B", "C", "D", "E", "F", "A"])
        func indirect(_ declaration: IR.TypeDeclaration) -> [Bool] {
            if case .structure(let structure) = declaration { return structure.properties.map(\.isIndirect) }
            return []
        }
        #expect(indirect(result[0]) == [true, false])
        #expect(indirect(result[1]) == [true, false])
        #expect(indirect(result[5]) == [false])
        if case .union(let union) = result[3] { #expect(!union.isIndirect) } else { Issue.record("D is a union") }
    }

    /// A union holding itself is indirect, one that does not stays as it is, and so does a struct off any cycle.
    @Test func unionOnACycleIsIndirect() {
        let result = RecursiveTypes.breakCycles(in: [
            Self.union("Tree", [.declared("Tree"), .string]), Self.union("Leaf", [.string, .integer]),
            Self.structure("Plain", [.declared("Leaf")]),
        ])
        func isIndirect(_ declaration: IR.TypeDeclaration) -> Bool? {
            if case .union(let union) = declaration { return union.isIndirect }
            return nil
        }
        #expect(result.map(isIndirect) == [true, false, nil])
        if case .structure(let plain) = result[2] { #expect(plain.properties.map(\.isIndirect) == [false]) }
    }

    /// A struct property whose type is a union on the same cycle is not boxed: the union is indirect, which breaks
    /// every cycle through it (Stripe's charge and invoice, each an expandable field of the other). Nor is one whose
    /// type is an alias of such a union, or an alias of an alias of one (a component that only `$ref`s another). A
    /// property on the cycle whose type is a struct still is, and so is one whose type is an alias of a struct.
    @Test func propertiesOfUnionsOnACycleAreNotBoxedTwice() {
        let result = RecursiveTypes.breakCycles(in: [
            Self.structure("Charge", [.string, .declared("ChargeInvoice")]),
            Self.union("ChargeInvoice", [.string, .declared("Invoice")]),
            Self.structure("Invoice", [.declared("InvoiceCharge"), .declared("Payment"), .declared("RefundCharge")]),
            Self.union("InvoiceCharge", [.string, .declared("Charge")]),
            Self.structure("Payment", [.declared("PaymentInvoice")]),
            Self.alias("PaymentInvoice", .declared("Invoice")),
            Self.alias("RefundCharge", .declared("Expandable")),
            Self.alias("Expandable", .declared("InvoiceCharge")),
        ])
        func boxed(_ declaration: IR.TypeDeclaration) -> [Bool]? {
            if case .structure(let structure) = declaration { return structure.properties.map(\.isIndirect) }
            return nil
        }
        func isIndirect(_ declaration: IR.TypeDeclaration) -> Bool? {
            if case .union(let union) = declaration { return union.isIndirect }
            return nil
        }
        #expect(boxed(result[0]) == [false, false])
        // The invoice's first property (a union) and its third (an alias of an alias of that union) are not boxed;
        // its payment is.
        #expect(boxed(result[2]) == [false, true, false])
        // The payment's invoice, an alias of a struct, is boxed.
        #expect(boxed(result[4]) == [true])
        #expect(result.map(isIndirect) == [nil, true, nil, true, nil, nil, nil, nil])
    }

    @Test func anyOfShapes() {
        func enumeration(_ name: String, _ values: [String]) -> IR.TypeDeclaration {
            .enumeration(
                IR.Enumeration(
                    name: name, rawType: .string,
                    cases: values.map { IR.Enumeration.Case(swiftName: $0, rawValue: $0) },
                    documentation: Self.documentation, undocumentedCaseName: "undocumented", defaultCaseName: nil))
        }
        func anyOf(_ name: String, _ types: [IR.TypeUsage]) -> IR.TypeDeclaration {
            .union(
                IR.Union(
                    name: name, kind: .anyOf,
                    members: types.map { IR.Union.Member(caseName: "m", type: $0, documentation: Self.documentation) },
                    documentation: Self.documentation))
        }
        func keepsEveryMember(_ declarations: [IR.TypeDeclaration]) -> [Bool?] {
            UnionShapes.decide(declarations).map {
                if case .union(let union) = $0 { return union.keepsEveryMember }
                return nil
            }
        }
        let colors = enumeration("Colors", ["red", "blue"])
        let sizes = enumeration("Sizes", ["s", "m"])
        let moreColors = enumeration("MoreColors", ["blue", "green"])
        // Enums with no value in common, and different kinds: one member fits any value.
        #expect(
            keepsEveryMember([colors, sizes, anyOf("A", [.declared("Sizes"), .declared("Colors"), .integer])]) == [
                nil, nil, false,
            ])
        // `blue` fits two members; a string fits any string enum.
        #expect(
            keepsEveryMember([colors, moreColors, anyOf("B", [.declared("Colors"), .declared("MoreColors")])]) == [
                nil, nil, true,
            ])
        #expect(keepsEveryMember([colors, anyOf("C", [.declared("Colors"), .string])]) == [nil, true])
        // Without an anyOf nothing changes.
        #expect(keepsEveryMember([colors, Self.union("D", [.string, .string])]) == [nil, false])
    }

    /// A chain of 100,000 declarations, each holding the next and the last holding the first: one component, found
    /// without recursion.
    @Test func longCycleIsOneComponent() {
        let count = 100_000
        let chain = (0..<count).map { Self.structure("T\($0)", [.declared("T\(($0 + 1) % count)")]) }
        let components = RecursiveTypes.stronglyConnectedComponents(chain)
        #expect(components.count == count)
        #expect(Set(components.values) == [0])
    }
}
