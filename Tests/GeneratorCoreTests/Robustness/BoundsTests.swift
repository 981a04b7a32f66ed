import Foundation
import Testing

@testable import GeneratorCore

/// The generator's bounds (issue "Unbreakable"): each hostile or huge input ends in a clear error or a normal
/// result, in seconds and in bounded memory. Inputs are built here, not checked in. The alias bomb, the deep
/// nesting and the 10,000-member enum run at full size; the 1 MB scalars run at 128 KB and the 100,000 schemas
/// at 2,000 here (a debug build, kept quick), and they and the 50 MB document run at full size in release in
/// `.ci/bounds`, which also checks the time and peak memory of each.
@Suite struct BoundsTests {
    /// The runtime files every module gets besides its types and operations.
    let moduleFiles = Presenter.moduleTemplates.count

    static let header = "openapi: 3.0.3\ninfo: {title: Bounds, version: '1'}\npaths: {}\n"

    /// Bound: aliases may add at most 1,000,000 nodes (`YAMLParser.maximumAliasExpansion`). Each level is a
    /// sequence of ten aliases of the level before: x-a0 stands for 11 nodes, x-a1 for 111, … x-a4 for 111,111.
    /// Levels 1 to 4 add 110 + 1,110 + 11,110 + 111,110 = 123,440 nodes; each alias of x-a4 adds 111,111, and the
    /// 8th brings the total to 1,012,328: line 9 (x-a5), column 12 + 7 × 5 = 47.
    @Test func aliasBombStopsAtOneMillionNodes() async throws {
        var text = Self.header + "x-a0: &a0 [" + Array(repeating: "lol", count: 10).joined(separator: ", ") + "]\n"
        for level in 1...8 {
            text +=
                "x-a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let (files, diagnostics) = renderInMemory(Array(text.utf8), renderer: try await loadTemplates())
        #expect(files == nil)
        #expect(
            diagnostics.map(\.description) == [
                "openapi.yaml:9:47: error: aliases expand to more than 1000000 nodes; the document is too large or malicious"
            ])
    }

    /// Bound: 512 levels of nesting (`YAMLParser.maximumDepth`). 10,000 nested flow sequences under the root
    /// mapping (level 1): the 512th `[` would be level 513; it is at column 9 + 511 = 520 of line 4.
    @Test func tenThousandNestedSequencesStopAt512Levels() async throws {
        let text =
            Self.header + "x-deep: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
            + "\n"
        let (files, diagnostics) = renderInMemory(Array(text.utf8), renderer: try await loadTemplates())
        #expect(files == nil)
        #expect(
            diagnostics.map(\.description) == [
                "openapi.yaml:4:520: error: nesting deeper than 512 levels is not supported"
            ])
    }

    /// A schema nested `levels` deep, written in flow style on line 6: `Deep: {type: object, properties: {a: …`.
    static func deepSchema(levels: Int) -> String {
        "openapi: 3.0.3\ninfo: {title: Bounds, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Deep: "
            + String(repeating: "{type: object, properties: {a: ", count: levels) + "{type: string}"
            + String(repeating: "}}", count: levels) + "\n"
    }

    /// Bound: 512 levels, for 10,000 nested schemas. The root, `components` and `schemas` are levels 1 to 3;
    /// each schema adds two (its mapping and its `properties`), so the 510th `{` would be level 513. Each
    /// schema is 31 characters from column 11, and its second `{` is 27 characters in: 510th is the second of
    /// the 255th, at column 11 + 254 × 31 + 27 = 7912.
    @Test func tenThousandNestedSchemasStopAt512Levels() async throws {
        let text = Self.deepSchema(levels: 10_000)
        let (files, diagnostics) = renderInMemory(Array(text.utf8), renderer: try await loadTemplates())
        #expect(files == nil)
        #expect(
            diagnostics.map(\.description) == [
                "openapi.yaml:6:7912: error: nesting deeper than 512 levels is not supported"
            ])
    }

    /// Just under the bound, 254 nested schemas (levels 4 to 511) generate normally: one struct per level,
    /// `Deep`, `DeepA`, `DeepAA`… `Deep` + 253 × `A`, besides the module files. Type names of 250 characters and
    /// more (`Deep` + 246 × `A` on) would make file names over 255 bytes, so those 8 are shortened.
    @Test func nestingJustUnderTheBoundGeneratesNormally() async throws {
        let (files, diagnostics) = renderInMemory(
            Array(Self.deepSchema(levels: 254).utf8), renderer: try await loadTemplates())
        #expect(diagnostics.isEmpty)
        let names = try #require(files).keys
        #expect(names.count == moduleFiles + 254)
        #expect(names.allSatisfy { $0.utf8.count <= 255 })
        let shortened = names.filter { $0.hasPrefix("Deep" + String(repeating: "A", count: 196) + "-") }
        #expect(shortened.count == 8)
        #expect(names.contains("Deep" + String(repeating: "A", count: 245) + ".swift"))
    }

    /// Bound: none for scalars; 1 MB scalars generate normally in `.ci/bounds`. Here, 128 KB scalars (131,072
    /// characters) in every place a name or text comes from generate normally, and names that long get
    /// shortened file names (200 bytes, a hyphen, 16 hexadecimal digits, `.swift`: 223 bytes).
    @Test func longScalarsGenerateNormally() async throws {
        let length = 1 << 17
        let schemaName = String(repeating: "Name", count: length / 4)
        let text = """
            openapi: 3.0.3
            info: {title: Bounds, version: '1', description: \(String(repeating: "word ", count: length / 5))}
            paths:
              /things:
                get:
                  operationId: \(String(repeating: "op", count: length / 2))
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: {$ref: '#/components/schemas/\(schemaName)'}}}
            components:
              schemas:
                ? \(schemaName)
                : type: object
                  properties:
                    ? \(String(repeating: "prop_", count: length / 5))
                    : {type: string, default: \(String(repeating: "d", count: length))}
                    kind: {type: string, enum: [\(String(repeating: "ab", count: length / 2))]}

            """
        let (files, diagnostics) = renderInMemory(Array(text.utf8), renderer: try await loadTemplates())
        #expect(diagnostics.isEmpty)
        let names = try #require(files).keys
        // The module files, the struct, its `kind` enum, the operation.
        #expect(names.count == moduleFiles + 3)
        #expect(names.allSatisfy { $0.utf8.count <= 255 })
        #expect(names.contains("BoundsClient.swift"))
        #expect(names.filter { $0.hasPrefix("BoundsClient+Opop") && $0.utf8.count == 223 }.count == 1)
        #expect(names.filter { $0.hasPrefix("NameName") && $0.utf8.count == 223 }.count == 2)
    }

    /// Bound: none for enum members; 10,000 string members that all sanitise to the Swift name `x` (member i is
    /// `x`, then i % 100 dashes, then i / 100 spaces) generate normally: cases `x`, `x2`… `x10000`, with a note
    /// for each renamed one. Member i is on line 9 + i, at column 11.
    @Test func tenThousandMemberEnumGeneratesNormally() async throws {
        func member(_ index: Int) -> String {
            "x" + String(repeating: "-", count: index % 100) + String(repeating: " ", count: index / 100)
        }
        var text = "openapi: 3.0.3\ninfo: {title: Bounds, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        text += "    E:\n      type: string\n      enum:\n"
        for index in 0..<10_000 { text += "        - '\(member(index))'\n" }
        let (files, diagnostics) = renderInMemory(Array(text.utf8), renderer: try await loadTemplates())
        let enumFile = try #require(files?["E.swift"])
        #expect(files?.count == moduleFiles + 1)
        #expect(enumFile.contains("    case x\n"))
        #expect(enumFile.contains("    case x10000\n"))
        #expect(diagnostics.count == 9_999)
        #expect(diagnostics.allSatisfy { $0.severity == .note })
        #expect(
            diagnostics.last?.description
                == "openapi.yaml:10008:11: note: enum value '\(member(9_999))' is named 'x10000' to avoid a clash")
    }

    /// `count` object schemas `S0`, `S1`…, each with an `id` and (but the first) a `prev` referring to the one
    /// before.
    static func schemas(count: Int) -> String {
        var text = "openapi: 3.0.3\ninfo: {title: Bounds, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        for index in 0..<count {
            text += "    S\(index):\n      type: object\n      properties:\n        id: {type: integer}\n"
            if index > 0 { text += "        prev: {$ref: '#/components/schemas/S\(index - 1)'}\n" }
        }
        return text
    }

    /// Bound: none for the number of schemas; 100,000 generate normally in `.ci/bounds`, 2,000 here.
    @Test func manySchemasGenerateNormally() async throws {
        let (files, diagnostics) = renderInMemory(
            Array(Self.schemas(count: 2_000).utf8), renderer: try await loadTemplates())
        #expect(diagnostics.isEmpty)
        #expect(files?.count == moduleFiles + 2_000)
        #expect(files?["S1999.swift"]?.contains("public var prev: S1998?") == true)
    }

    /// Bound: none for chains of `$ref`; `count` components each only a reference to the next, the last a
    /// string. Each used to be walked to the end of the chain, looking each name up in the chain so far:
    /// 2,000 took 13 s in release. `.ci/bounds` runs 100,000.
    @Test func aChainOfAliasesGeneratesNormally() async throws {
        var text = "openapi: 3.0.3\ninfo: {title: Bounds, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        for index in 0..<2_000 { text += "    S\(index): {$ref: '#/components/schemas/S\(index + 1)'}\n" }
        text += "    S2000: {type: string}\n"
        let (files, diagnostics) = renderInMemory(Array(text.utf8), renderer: try await loadTemplates())
        #expect(diagnostics.isEmpty)
        #expect(files?.count == moduleFiles + 2_001)
        #expect(files?["S0.swift"]?.contains("public typealias S0 = S1\n") == true)
        #expect(files?["S2000.swift"]?.contains("public typealias S2000 = String\n") == true)
    }

    /// A cycle of aliases is one error, at the member met first in document order (`A`, line 7, its `$ref` value
    /// at column 15); `C` only leads into the cycle.
    @Test func aCycleOfAliasesIsOneError() async throws {
        let text = """
            openapi: 3.0.3
            info: {title: Bounds, version: '1'}
            paths: {}
            components:
              schemas:
                C: {$ref: '#/components/schemas/A'}
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/A'}

            """
        let (files, diagnostics) = renderInMemory(Array(text.utf8), renderer: try await loadTemplates())
        #expect(files == nil)
        #expect(diagnostics.map(\.description) == ["openapi.yaml:7:15: error: reference cycle: A → B → A"])
    }

    /// Bound: none for chains of `$ref` between parameters (responses take the same path); each step used to
    /// search the chain so far and the whole component list: 20,000 took 2.3 s in release.
    @Test func aChainOfParameterReferencesResolves() async throws {
        var text = "openapi: 3.0.3\ninfo: {title: Bounds, version: '1'}\npaths:\n  /a:\n    get:\n"
        text +=
            "      parameters: [{$ref: '#/components/parameters/P0'}]\n      responses: {'204': {description: ok}}\n"
        text += "components:\n  parameters:\n"
        for index in 0..<20_000 { text += "    P\(index): {$ref: '#/components/parameters/P\(index + 1)'}\n" }
        text += "    P20000: {name: limit, in: query, schema: {type: integer}}\n"
        let (files, diagnostics) = renderInMemory(Array(text.utf8), renderer: try await loadTemplates())
        #expect(diagnostics.isEmpty)
        #expect(files?["BoundsClient+GetA.swift"]?.contains("limit: Int? = nil") == true)
    }
}
