import Foundation
import Testing

@testable import GeneratorCore

/// `IdenticalSchemas`: an inline schema whose declaration is the same as another's (but for its name, its own
/// documentation and its source pointers) becomes a typealias of that one.
@Suite struct IdenticalSchemasTests {
    /// An inline schema's place: a property of an operation's body.
    static func inline(_ name: String) -> JSONPointer {
        JSONPointer(["paths", "/\(name)", "post", "requestBody", "content", "application/json", "schema"])
    }

    static func component(_ name: String) -> JSONPointer { JSONPointer(["components", "schemas", name]) }

    static func enumeration(
        _ name: String, _ values: [String], at pointer: JSONPointer? = nil, description: String? = nil
    ) -> IR.TypeDeclaration {
        .enumeration(
            IR.Enumeration(
                name: name, rawType: .string,
                cases: values.map { IR.Enumeration.Case(swiftName: $0, rawValue: $0) },
                documentation: IR.Documentation(description: description, pointer: pointer ?? inline(name)),
                undocumentedCaseName: "undocumented"))
    }

    static func structure(
        _ name: String, _ properties: [(String, IR.TypeUsage, String?)], at pointer: JSONPointer? = nil
    ) -> IR.TypeDeclaration {
        let place = pointer ?? inline(name)
        return .structure(
            IR.Structure(
                name: name, documentation: IR.Documentation(pointer: place),
                properties: properties.map { jsonName, type, description in
                    IR.Property(
                        jsonName: jsonName, swiftName: jsonName, type: type, isRequired: false, isNullable: false,
                        documentation: IR.Documentation(
                            description: description, pointer: place.appending("properties").appending(jsonName)),
                        isDeprecated: false)
                },
                additionalProperties: .jsonValue, isDeprecated: false))
    }

    /// The names that became typealiases, each with the type it names, and what the declarations are now.
    static func merged(_ declarations: [IR.TypeDeclaration]) -> (targets: [String: String], kinds: [String: String]) {
        let (result, targets) = IdenticalSchemas.merge(declarations)
        #expect(result.map(\.name) == declarations.map(\.name), "same names, same order")
        var kinds: [String: String] = [:]
        for declaration in result {
            switch declaration {
            case .structure: kinds[declaration.name] = "struct"
            case .enumeration: kinds[declaration.name] = "enum"
            case .union: kinds[declaration.name] = "union"
            case .alias(let alias):
                guard case .declared(let target) = alias.target else { continue }
                kinds[declaration.name] = "= " + target
            }
        }
        return (targets, kinds)
    }

    @Test func repeatedInlineEnumsNameTheOneWithTheShortestName() {
        let (targets, kinds) = Self.merged([
            Self.enumeration("PencilColor", ["red", "green"]),
            Self.enumeration("PenColor", ["red", "green"]),
            Self.enumeration("PenFinish", ["red", "green"]),
            Self.enumeration("PencilTone", ["green", "red"]),
        ])
        // PenColor and PenFinish have 8 and 9 characters: PenColor declares the type. The values in another
        // order are another enum (its cases' order is its `allCases`).
        #expect(targets == ["PencilColor": "PenColor", "PenFinish": "PenColor"])
        #expect(
            kinds == ["PencilColor": "= PenColor", "PenColor": "enum", "PenFinish": "= PenColor", "PencilTone": "enum"])
    }

    /// From `IdenticalSchemas.parallelCount` declarations on, outlines and shapes are made in two halves at once:
    /// identical declarations in different halves, and in the same one, still merge, and the others stay. 150 pairs
    /// of enums, each pair's two far apart (`E<i>` and `Copy<i>`, 150 places later), the pairs told apart by their
    /// values; then 150 structs each referring to one enum of a pair, merged by the enum they refer to; then ten
    /// identical structs side by side.
    @Test func declarationsInBothHalvesMergeAsOnOneThread() {
        var declarations: [IR.TypeDeclaration] = []
        let pairs = 150
        for number in 0..<pairs { declarations.append(Self.enumeration("E\(number)", ["a\(number)", "b"])) }
        for number in 0..<pairs { declarations.append(Self.enumeration("Copy\(number)", ["a\(number)", "b"])) }
        for number in 0..<pairs {
            let enumeration = number % 2 == 0 ? "E\(number % 10)" : "Copy\(number % 10)"
            declarations.append(Self.structure("Holder\(number)", [("value", .declared(enumeration), nil)]))
        }
        for number in 0..<10 { declarations.append(Self.structure("Same\(number)", [("same", .string, "text")])) }
        #expect(declarations.count >= IdenticalSchemas.parallelCount)
        let (targets, kinds) = Self.merged(declarations)
        var expected: [String: String] = [:]
        // `E<i>` is shorter than `Copy<i>`, so it declares the enum.
        for number in 0..<pairs { expected["Copy\(number)"] = "E\(number)" }
        // The holders of E<k> and Copy<k> (k = number % 10) are the same type; the shortest name, then the first in
        // code-unit order, declares it: Holder0 to Holder9.
        for number in 10..<pairs { expected["Holder\(number)"] = "Holder\(number % 10)" }
        for number in 1..<10 { expected["Same\(number)"] = "Same0" }
        #expect(targets == expected)
        #expect(kinds["E149"] == "enum")
        #expect(kinds["Holder9"] == "struct")
        #expect(kinds["Same0"] == "struct")
    }

    /// Declarations whose property names (or case values) no other declaration has are set apart before their
    /// shapes are compared: that must change no outcome, on either side of the shortcut.
    @Test func declarationsWithNamesOfTheirOwnStillReferToMergedTypes() {
        let (targets, kinds) = Self.merged([
            // Only this struct has the properties `ink` and `nib`; its enums are identical to each other.
            Self.structure("Pen", [("ink", .declared("PenInk"), nil), ("nib", .declared("PenNib"), nil)]),
            Self.enumeration("PenInk", ["fine", "broad"]),
            Self.enumeration("PenNib", ["fine", "broad"]),
            // Names of its own too, but no other shape: still a type of its own.
            Self.structure("Desk", [("legs", .integer, nil)]),
            // The same property names as each other, different types: not identical.
            Self.structure("Sheet", [("size", .string, nil)]),
            Self.structure("Card", [("size", .integer, nil)]),
            // The same case values but another raw type: not identical.
            .enumeration(
                IR.Enumeration(
                    name: "Weight", rawType: .integer,
                    cases: [IR.Enumeration.Case(swiftName: "fine", rawValue: "fine")],
                    documentation: IR.Documentation(pointer: Self.inline("Weight")), undocumentedCaseName: "other")),
            Self.enumeration("Grade", ["fine"]),
        ])
        #expect(targets == ["PenNib": "PenInk"])
        #expect(
            kinds == [
                "Pen": "struct", "PenInk": "enum", "PenNib": "= PenInk", "Desk": "struct", "Sheet": "struct",
                "Card": "struct",
                "Weight": "enum", "Grade": "enum",
            ])
    }

    @Test func namesOfEqualLengthGoByCodeUnits() {
        let (targets, _) = Self.merged([Self.enumeration("Bb", ["x"]), Self.enumeration("Ba", ["x"])])
        #expect(targets == ["Bb": "Ba"])
    }

    @Test func aComponentDeclaresTheTypeAndKeepsItsOwn() {
        let (targets, kinds) = Self.merged([
            Self.enumeration("PenFinish", ["matte", "gloss"]),
            Self.enumeration("SurfaceFinishChoice", ["matte", "gloss"], at: Self.component("SurfaceFinishChoice")),
            Self.enumeration("Finish", ["matte", "gloss"], at: Self.component("Finish")),
        ])
        // Both components keep their types; the inline enum names the shorter one.
        #expect(targets == ["PenFinish": "Finish"])
        #expect(kinds == ["PenFinish": "= Finish", "SurfaceFinishChoice": "enum", "Finish": "enum"])
    }

    @Test func identicalComponentsAloneStayApart() {
        let (targets, _) = Self.merged([
            Self.enumeration("Finish", ["matte"], at: Self.component("Finish")),
            Self.enumeration("Surface", ["matte"], at: Self.component("Surface")),
        ])
        #expect(targets.isEmpty)
    }

    /// GitHub's `codespaces/list-repo-secrets` and `actions/list-repo-secrets` answer `{total_count, secrets:
    /// [RepoCodespacesSecret]}` and `{total_count, secrets: [ActionsSecret]}`, two identical components that keep
    /// their own types: the two inline bodies hold different types, so neither names the other.
    @Test func inlineSchemasReferringToIdenticalComponentsStayApart() {
        let (targets, kinds) = Self.merged([
            Self.enumeration("Finish", ["matte"], at: Self.component("Finish")),
            Self.enumeration("Surface", ["matte"], at: Self.component("Surface")),
            Self.structure("PenBody", [("finish", .array(.declared("Finish")), nil)]),
            Self.structure("MugBody", [("finish", .array(.declared("Surface")), nil)]),
            // The same component on both sides is the same type.
            Self.structure("CupBody", [("finish", .array(.declared("Surface")), nil)]),
        ])
        #expect(targets == ["MugBody": "CupBody"])
        #expect(kinds["PenBody"] == "struct" && kinds["CupBody"] == "struct")
    }

    @Test func aSchemaInsideAComponentIsInline() {
        let inside = Self.component("Pen").appending("properties").appending("color")
        let (targets, _) = Self.merged([
            Self.enumeration("PenColor", ["red"], at: inside),
            Self.enumeration("Color", ["red"], at: Self.component("Color")),
        ])
        #expect(targets == ["PenColor": "Color"])
    }

    @Test func theOwnDescriptionAndPlacesDoNotCountButAPropertysDescriptionDoes() {
        let (targets, kinds) = Self.merged([
            Self.enumeration("AColor", ["red"], description: "The pen's colour."),
            Self.enumeration("BColor", ["red"], description: "The pencil's colour."),
            Self.structure("PenCap", [("width", .integer, "In millimetres.")]),
            Self.structure("PencilCap", [("width", .integer, "In inches.")]),
            Self.structure("MugCap", [("width", .integer, "In millimetres.")]),
        ])
        #expect(targets == ["BColor": "AColor", "PenCap": "MugCap"])
        #expect(kinds["PencilCap"] == "struct")
    }

    @Test func theTypeAliasKeepsItsOwnDocumentation() throws {
        let (result, _) = IdenticalSchemas.merge([
            Self.enumeration("AColor", ["red"], description: "One."),
            Self.enumeration("BColor", ["red"], description: "Two."),
        ])
        guard case .alias(let alias) = result[1] else { Issue.record("BColor is \(result[1])"); return }
        #expect(alias.documentation.description == "Two.")
        #expect(alias.documentation.pointer == Self.inline("BColor"))
        #expect(alias.target == .declared("AColor"))
    }

    @Test func treesOfInlineSchemasMergeLevelByLevel() {
        let (targets, kinds) = Self.merged([
            Self.structure("InvoiceShipping", [("method", .declared("InvoiceShippingMethod"), nil)]),
            Self.enumeration("InvoiceShippingMethod", ["post", "courier"]),
            Self.structure("OrderShipping", [("method", .declared("OrderShippingMethod"), nil)]),
            Self.enumeration("OrderShippingMethod", ["post", "courier"]),
            // The same struct around a different enum is another struct.
            Self.structure("CartShipping", [("method", .declared("CartShippingMethod"), nil)]),
            Self.enumeration("CartShippingMethod", ["post"]),
        ])
        #expect(targets == ["InvoiceShipping": "OrderShipping", "InvoiceShippingMethod": "OrderShippingMethod"])
        #expect(kinds["CartShipping"] == "struct" && kinds["CartShippingMethod"] == "enum")
    }

    @Test func recursiveSchemasMergeThroughTheirCycles() {
        let (targets, _) = Self.merged([
            // Each refers to itself through an array.
            Self.structure("Tree", [("children", .array(.declared("Tree")), nil)]),
            Self.structure("Wood", [("children", .array(.declared("Wood")), nil)]),
            // Two cycles of two.
            Self.structure("Ping", [("next", .declared("Pong"), nil)]),
            Self.structure("Pong", [("back", .declared("Ping"), nil)]),
            Self.structure("Tick", [("next", .declared("Tock"), nil)]),
            Self.structure("Tock", [("back", .declared("Tick"), nil)]),
            // A chain that ends, unlike the cycles: Step's `back` is a string.
            Self.structure("Move", [("next", .declared("Step"), nil)]),
            Self.structure("Step", [("back", .string, nil)]),
        ])
        #expect(targets == ["Wood": "Tree", "Tick": "Ping", "Tock": "Pong"])
    }

    static let document =
        ModuleResolverTests.header + """
            paths: {}
            components:
              schemas:
                Pen: {type: object, properties: {color: {type: string, enum: [red, green]}}}
                Pencil: {type: object, properties: {color: {type: string, enum: [red, green]}}}
            """

    /// The resolver merges by default, and the configuration's `mergeIdenticalSchemas: false` keeps every type.
    @Test func theResolverMergesUnlessTheConfigurationSaysNot() throws {
        let (module, diagnostics) = try resolve(Self.document)
        #expect(diagnostics.isEmpty)
        #expect(module.identicalSchemas == ["PencilColor": "PenColor"])
        guard case .alias(let alias)? = module.type("PencilColor") else {
            Issue.record("PencilColor is \(String(describing: module.type("PencilColor")))")
            return
        }
        #expect(alias.target == .declared("PenColor"))

        func configuration(_ text: String) throws -> (GeneratorConfiguration, [String]) {
            let diagnostics = DiagnosticCollector()
            let configuration = try #require(
                GeneratorConfiguration.decode(
                    try YAMLParser(bytes: Array(text.utf8)).parse(), file: "c.yaml", folder: URL(fileURLWithPath: "/"),
                    diagnostics: diagnostics))
            return (configuration, diagnostics.sorted.map(\.description))
        }
        let (separate, noProblems) = try configuration("mergeIdenticalSchemas: false\n")
        #expect(noProblems.isEmpty)
        let (unmerged, _) = try resolve(Self.document, configuration: separate)
        #expect(unmerged.identicalSchemas.isEmpty)
        guard case .enumeration? = unmerged.type("PencilColor") else {
            Issue.record("PencilColor is \(String(describing: unmerged.type("PencilColor")))")
            return
        }
        let (_, problems) = try configuration("mergeIdenticalSchemas: sometimes\n")
        #expect(
            problems == ["c.yaml:1:24: error: expected 'mergeIdenticalSchemas' to be true or false, found a string"])
    }

    /// Two chains of 200 structs, each referring to the one before, the first of each holding an integer: link
    /// by link the same, and each link differs from every other of its chain (how far it is from the integer).
    @Test func longChainsMergeLinkByLink() {
        func chain(_ prefix: String) -> [IR.TypeDeclaration] {
            (0..<200).map { index in
                Self.structure(
                    "\(prefix)\(index)",
                    index == 0 ? [("id", .integer, nil)] : [("prev", .declared("\(prefix)\(index - 1)"), nil)])
            }
        }
        let (targets, _) = Self.merged(chain("Link") + chain("Twin"))
        #expect(targets == Dictionary(uniqueKeysWithValues: (0..<200).map { ("Twin\($0)", "Link\($0)") }))
    }

    /// Two chains that end in a struct referring to itself: on a cycle or reaching one, so partition refinement
    /// decides, one round per link. Ten links settle; `maximumRounds + 10` do not, and then no declaration that
    /// reaches a cycle merges, while the others still do.
    @Test func aRefinementThatDoesNotSettleMergesNoCycle() {
        func chain(_ prefix: String, _ count: Int) -> [IR.TypeDeclaration] {
            (0..<count).map { index in
                index == 0
                    ? Self.structure("\(prefix)0", [("id", .integer, nil), ("next", .declared("\(prefix)0"), nil)])
                    : Self.structure("\(prefix)\(index)", [("prev", .declared("\(prefix)\(index - 1)"), nil)])
            }
        }
        let (settled, _) = Self.merged(chain("Link", 10) + chain("Twin", 10))
        #expect(settled == Dictionary(uniqueKeysWithValues: (0..<10).map { ("Twin\($0)", "Link\($0)") }))
        let long = IdenticalSchemas.maximumRounds + 10
        let (unsettled, _) = Self.merged(
            chain("Link", long) + chain("Twin", long) + [
                Self.enumeration("AColor", ["red"]), Self.enumeration("BColor", ["red"]),
            ])
        #expect(unsettled == ["BColor": "AColor"])
    }

    @Test func aTypeAliasOrARepeatedNameIsLeftAlone() {
        let (targets, _) = Self.merged([
            Self.enumeration("AColor", ["red"]),
            Self.enumeration("AColor", ["red"]),
            .alias(
                IR.Alias(name: "BColor", target: .string, documentation: IR.Documentation(pointer: Self.inline("B")))),
            .alias(
                IR.Alias(name: "CColor", target: .string, documentation: IR.Documentation(pointer: Self.inline("C")))),
        ])
        #expect(targets.isEmpty)
    }
}
