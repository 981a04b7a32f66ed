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

    /// An enum whose values another enum listed before gets the same cases (kept from the first), and each enum
    /// still reports its own repeated values and clashing names.
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

    /// Enums listing the same texts get each their own cases when something else than the texts decides them: the
    /// kind of each value (`1` against `'1'`), `x-enum-varnames`, `x-enum-descriptions`; and each its own default.
    @Test func enumsWithTheSameTextsKeepWhatIsTheirOwn() throws {
        let (enums, diagnostics) = try enumerations([
            "{type: string, enum: [a, b, '1']}",
            "{type: string, enum: [a, b, 1]}",
            "{type: string, enum: [a, b, '1'], x-enum-varnames: [first, second, third]}",
            "{type: string, enum: [a, b, '1'], x-enum-descriptions: [A, B, One]}",
            "{type: string, enum: [a, b, '1'], default: b}",
            "{type: integer, enum: [1, 2]}",
            "{type: number, enum: [1, 2]}",
        ])
        #expect(diagnostics.isEmpty)
        #expect(
            enums.map { $0.cases.map(\.swiftName) }.prefix(5) == [
                ["a", "b", "_1"], ["a", "b", "_1"], ["first", "second", "third"], ["a", "b", "_1"], ["a", "b", "_1"],
            ])
        #expect(enums[0].cases.map(\.literal) == [.string("a"), .string("b"), .string("1")])
        #expect(enums[1].cases.map(\.literal) == [.string("a"), .string("b"), .integer(1)])
        #expect(enums[3].cases.map(\.description) == ["A", "B", "One"])
        #expect(enums[4].cases.map(\.description) == [nil, nil, nil])
        #expect(enums.map(\.defaultCaseName) == [nil, nil, nil, nil, "b", nil, nil])
        #expect(enums[5].rawType == .integer && enums[6].rawType == .double)
        #expect(enums[5].cases.map(\.swiftName) == ["value1", "value2"])
        #expect(enums[6].cases.map(\.swiftName) == ["value1", "value2"])
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
