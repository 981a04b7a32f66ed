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
