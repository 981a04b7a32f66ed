import Testing

@testable import GeneratorCore

/// The tree builder keeps the children of every open collection on one stack, and makes each collection's array when
/// it closes: children land in the right collection at every depth, and duplicate keys are found (with the first
/// key's position) in a mapping that opened while an enclosing one already had its keys indexed.
@Suite struct YAMLTreeBuilderTests {
    @Test func childrenLandInTheirOwnCollection() throws {
        let root = try parse("{a: [1, {b: 2, c: [3, 4]}, 5], d: 6, e: {}, f: []}")
        #expect(root.pairs?.map { $0.key.scalar?.text } == ["a", "d", "e", "f"])
        let a = try #require(root["a"]?.items)
        #expect(a.count == 3)
        #expect(a[0].scalar?.value == .integer(1))
        #expect(a[1].pairs?.map { $0.key.scalar?.text } == ["b", "c"])
        #expect(a[1]["b"]?.scalar?.value == .integer(2))
        #expect(a[1]["c"]?.items?.map { $0.scalar?.text } == ["3", "4"])
        #expect(a[2].scalar?.value == .integer(5))
        #expect(root["d"]?.scalar?.value == .integer(6))
        #expect(root["e"]?.pairs?.isEmpty == true)
        #expect(root["f"]?.items?.isEmpty == true)
        // Marks: `a`'s sequence starts at column 5, the mapping inside it at column 9.
        #expect(root["a"]?.mark == SourceMark(line: 1, column: 5))
        #expect(a[1].mark == SourceMark(line: 1, column: 9))
    }

    /// Nine keys `k1`…`k9` (indexed once past eight), the last holding nine keys `a1`…`a9` of its own.
    static let nested =
        (1...8).map { "k\($0): \($0)\n" }.joined() + "k9:\n" + (1...9).map { "  a\($0): x\n" }.joined()

    @Test func duplicateInAnInnerIndexedMapping() throws {
        // Lines 10-18 hold a1…a9; line 19 repeats a3 (line 12) inside the inner mapping.
        let error = try #require(parseError(Self.nested + "  a3: y\n"))
        #expect(error.message == "duplicate mapping key 'a3'; the first is at line 12, column 3")
        #expect(error.mark == SourceMark(line: 19, column: 3))
    }

    @Test func duplicateInTheOuterMappingAfterAnInnerOneClosed() throws {
        let error = try #require(parseError(Self.nested + "k3: again\n"))
        #expect(error.message == "duplicate mapping key 'k3'; the first is at line 3, column 1")
        #expect(error.mark == SourceMark(line: 19, column: 1))
        // Without the repeat, both mappings are whole.
        let root = try parse(Self.nested + "k10: 10\n")
        #expect(root.pairs?.count == 10)
        #expect(root["k9"]?.pairs?.count == 9)
        #expect(root["k10"]?.scalar?.value == .integer(10))
    }
}
