import Testing

@testable import GeneratorCore

/// An enum's case names are found once per distinct text (each text's name has a slot with a count of the texts
/// that share it): repeated values are warned about and dropped, values whose names clash spell their signs, and
/// `1` and `"1"` are two values of a JSON-valued enum.
@Suite struct EnumCaseSlotsTests {
    static let header = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:

        """

    func enumeration(_ schema: String, configuration: GeneratorConfiguration = GeneratorConfiguration()) throws -> (
        IR.Enumeration, [String]
    ) {
        let (module, diagnostics) = try resolve(Self.header + "    E: " + schema + "\n", configuration: configuration)
        guard case .enumeration(let value)? = module.type("E") else { throw CancellationError() }
        return (value, diagnostics)
    }

    @Test func repeatedValuesAndClashingNames() throws {
        // `GMT-1` and `GMT+1` both name `gmt1` plainly, so both spell their sign; `a b` and `a_b` both name `aB`,
        // so the second gets a suffix; the second `x` is dropped with a warning.
        let (e, diagnostics) = try enumeration("{type: string, enum: [GMT-1, x, GMT+1, a b, x, a_b, GMT]}")
        #expect(e.cases.map(\.swiftName) == ["gmtMinus1", "x", "gmtPlus1", "aB", "aB2", "gmt"])
        #expect(e.cases.map(\.rawValue) == ["GMT-1", "x", "GMT+1", "a b", "a_b", "GMT"])
        #expect(
            diagnostics == [
                "t.yaml:6:52: warning: enum value 'x' is listed twice; the second is ignored",
                "t.yaml:6:55: note: enum value 'a_b' is named 'aB2' to avoid a clash",
            ])
    }

    @Test func jsonValuesOfSeveralKinds() throws {
        // `1` and `"1"` are two values: the integer is `value1`, the string is named from its text (`_1`); the second
        // `1` is dropped.
        let (e, diagnostics) = try enumeration("{enum: [1, '1', 1, true]}")
        #expect(e.rawType == .json)
        #expect(e.cases.map(\.swiftName) == ["value1", "_1", "trueValue"])
        #expect(e.cases.map(\.literal) == [.integer(1), .string("1"), .boolean(true)])
        #expect(diagnostics == ["t.yaml:6:24: warning: enum value '1' is listed twice; the second is ignored"])
    }

    func enumerations(_ schemas: [String]) throws -> ([IR.Enumeration], [String]) {
        let text = Self.header + schemas.enumerated().map { "    E\($0.offset): \($0.element)\n" }.joined()
        let (module, diagnostics) = try resolve(text)
        let enumerations = try schemas.indices.map { index in
            guard case .enumeration(let value)? = module.type("E\(index)") else { throw CancellationError() }
            return value
        }
        return (enumerations, diagnostics)
    }

    /// Enums with the same values each report their own repeated values and clashing names: cases made with a
    /// diagnostic are not kept for the next enum with those values, whose own diagnostics would then be lost.
    @Test func enumsWithTheSameValuesEachReportTheirOwnProblems() throws {
        let values = "{type: string, enum: [GMT-1, x, GMT+1, a b, x, a_b]}"
        let (enums, diagnostics) = try enumerations([values, values, "{type: string, enum: [GMT-1, x, GMT+1]}"])
        for e in enums.prefix(2) {
            #expect(e.cases.map(\.swiftName) == ["gmtMinus1", "x", "gmtPlus1", "aB", "aB2"])
            #expect(e.undocumentedCaseName == "undocumented")
        }
        #expect(enums[2].cases.map(\.swiftName) == ["gmtMinus1", "x", "gmtPlus1"])
        #expect(
            diagnostics == [
                "t.yaml:6:53: warning: enum value 'x' is listed twice; the second is ignored",
                "t.yaml:6:56: note: enum value 'a_b' is named 'aB2' to avoid a clash",
                "t.yaml:7:53: warning: enum value 'x' is listed twice; the second is ignored",
                "t.yaml:7:56: note: enum value 'a_b' is named 'aB2' to avoid a clash",
            ])
    }

    /// The enums `E0`, `E1`, … of the schemas, as a type resolver of their own declares them (before any later
    /// stage of the module), with its diagnostics.
    func declaredEnumerations(_ schemas: [String]) throws -> ([IR.Enumeration], [String]) {
        let text = Self.header + schemas.enumerated().map { "    E\($0.offset): \($0.element)\n" }.joined()
        let root = try #require(try YAMLParser(bytes: Array(text.utf8)).parse())
        let diagnostics = DiagnosticCollector()
        let document = try #require(DocumentDecoder(file: "t.yaml", diagnostics: diagnostics).decode(root))
        let types = TypeResolver(
            document: document, index: ComponentIndex(document: document, file: "t.yaml", diagnostics: diagnostics),
            configuration: GeneratorConfiguration(), reservedNames: [], file: "t.yaml", diagnostics: diagnostics)
        types.declareComponents()
        let enumerations = try schemas.indices.map { index in
            guard case .enumeration(let value)? = types.declarations.first(where: { $0.name == "E\(index)" }) else {
                throw CancellationError()
            }
            return value
        }
        return (enumerations, diagnostics.sorted.map(\.description))
    }

    /// Where an array's elements are stored: the same for two arrays only when one is the other's copy.
    func storage(_ cases: [IR.Enumeration.Case]) -> UnsafeRawPointer? {
        cases.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
    }

    /// An enum with the values of an earlier enum named by its values alone takes that enum's cases (the same array),
    /// and keeps its own default, documentation and `x-enum-name-property`; enums listing the same texts get cases of
    /// their own when something else decides them: the kind of each value (`1` against `'1'`), `x-enum-varnames`,
    /// `x-enum-descriptions`, the raw type.
    @Test func enumsWithTheSameValuesShareTheirCasesAndKeepWhatIsTheirOwn() throws {
        let (enums, diagnostics) = try declaredEnumerations([
            "{type: string, enum: [a, b, '1']}",
            "{type: string, enum: [a, b, '1'], default: b, description: Second}",
            "{type: string, enum: [a, b, '1'], x-enum-name-property: label}",
            "{type: string, enum: [a, b, 1]}",
            "{type: string, enum: [a, b, '1'], x-enum-varnames: [first, second, third]}",
            "{type: string, enum: [a, b, '1'], x-enum-descriptions: [A, B, One]}",
            "{type: integer, enum: [1, 2]}",
            "{type: number, enum: [1, 2]}",
            "{type: integer, enum: [1, 2], title: Again}",
        ])
        // Taken from E0: E1 and E2; from E6: E8. Made anew: E3 (an integer 1), E4 and E5 (names and descriptions of
        // their own), E7 (numbers).
        #expect(storage(enums[1].cases) == storage(enums[0].cases))
        #expect(storage(enums[2].cases) == storage(enums[0].cases))
        #expect(storage(enums[8].cases) == storage(enums[6].cases))
        for index in [3, 4, 5] { #expect(storage(enums[index].cases) != storage(enums[0].cases), "E\(index)") }
        #expect(storage(enums[7].cases) != storage(enums[6].cases))
        #expect(
            enums.map { $0.cases.map(\.swiftName) } == [
                ["a", "b", "_1"], ["a", "b", "_1"], ["a", "b", "_1"], ["a", "b", "_1"], ["first", "second", "third"],
                ["a", "b", "_1"], ["value1", "value2"], ["value1", "value2"], ["value1", "value2"],
            ])
        #expect(enums[1].cases.map(\.literal) == [.string("a"), .string("b"), .string("1")])
        #expect(enums[3].cases.map(\.literal) == [.string("a"), .string("b"), .integer(1)])
        #expect(enums[1].cases.map(\.description) == [nil, nil, nil])
        #expect(enums[5].cases.map(\.description) == ["A", "B", "One"])
        #expect(enums.map(\.defaultCaseName) == [nil, "b", nil, nil, nil, nil, nil, nil, nil])
        #expect(enums[0].documentation.description == nil && enums[1].documentation.description == "Second")
        #expect(enums[6].documentation.summary == nil && enums[8].documentation.summary == "Again")
        #expect(
            enums.map(\.rawType) == [.string, .string, .string, .string, .string, .string, .integer, .double, .integer])
        #expect(enums.allSatisfy { $0.undocumentedCaseName == "undocumented" })
        // E2's `x-enum-name-property` is read from its own schema: no value has a name, so no property.
        #expect(enums[2].nameProperty == nil)
        #expect(
            diagnostics == [
                "t.yaml:8:65: warning: 'x-enum-name-property' names 'label', but no value has a name ('x-enum-varnames' "
                    + "or the configuration's 'enumCaseNames'), so no property is generated"
            ])
    }

    @Test func configuredNamesForTextsNotListed() throws {
        var configuration = GeneratorConfiguration(file: "c.yaml")
        configuration.enumCaseNames[JSONPointer(["components", "schemas", "E"])] = [
            "b": ("bee", SourceMark(line: 2, column: 3)), "z": ("zed", SourceMark(line: 3, column: 3)),
        ]
        let (e, diagnostics) = try enumeration("{type: string, enum: [a, b, a]}", configuration: configuration)
        #expect(e.cases.map(\.swiftName) == ["a", "bee"])
        #expect(
            diagnostics == [
                "c.yaml:3:3: warning: 'zed' names value 'z', which '#/components/schemas/E' does not list",
                "t.yaml:6:36: warning: enum value 'a' is listed twice; the second is ignored",
            ])
    }
}
