import Testing

@testable import GeneratorCore

/// The memoizing namer the resolver uses gives the plain namer's names (the tables of `SwiftNamerTests`, asked
/// twice: computed, then remembered), keeps the names of each kind apart, and shares what it remembers with its
/// copies.
@Suite struct MemoizingNamerTests {
    @Test func givesTheTablesNamesComputedAndRemembered() throws {
        let namer = SwiftNamer(memoizing: ())
        let memo = try #require(namer.memo)
        for round in 1...2 {
            for (input, expected) in SwiftNamerTests.memberNames {
                #expect(namer.memberName(for: input) == expected, "round \(round): '\(input)'")
            }
            for (input, expected) in SwiftNamerTests.typeNames {
                #expect(namer.typeName(for: input) == expected, "round \(round): '\(input)'")
            }
            // One entry per distinct input, whichever round.
            #expect(memo.count(of: .member) == SwiftNamerTests.memberNames.count)
            #expect(memo.count(of: .type) == SwiftNamerTests.typeNames.count)
        }
    }

    /// The same source text has different names by kind and by `spellingSigns`; each is remembered apart.
    @Test func kindsOfNameAreRememberedApart() throws {
        let namer = SwiftNamer(memoizing: ())
        for _ in 1...2 {
            #expect(namer.memberName(for: "GMT-1") == "gmt1")
            #expect(namer.memberName(for: "GMT-1", spellingSigns: true) == "gmtMinus1")
            #expect(namer.unescapedMemberName(for: "GMT+1", spellingSigns: true) == "gmtPlus1")
            #expect(namer.memberName(for: "default") == "`default`")
            #expect(namer.unescapedMemberName(for: "default") == "default")
            #expect(namer.typeName(for: "default") == "Default")
        }
        let memo = try #require(namer.memo)
        #expect(memo.count(of: .member) == 2)  // GMT-1, default
        #expect(memo.count(of: .memberSpellingSigns) == 1)  // GMT-1
        #expect(memo.count(of: .unescapedMember) == 1)  // default
        #expect(memo.count(of: .unescapedMemberSpellingSigns) == 1)  // GMT+1
        #expect(memo.count(of: .type) == 1)  // default
    }

    @Test func copiesShareTheMemoAndThePlainNamerHasNone() throws {
        let namer = SwiftNamer(memoizing: ())
        let copy = namer
        #expect(copy.typeName(for: "pet-store") == "PetStore")
        #expect(try #require(namer.memo).count(of: .type) == 1)
        #expect(SwiftNamer().memo == nil)
    }
}

/// `ModuleResolver.sortedByName`: declarations by name, and in their original order when names are equal.
@Suite struct SortedDeclarationsTests {
    @Test func sortsByNameStably() {
        func alias(_ name: String, _ target: IR.TypeUsage) -> IR.TypeDeclaration {
            .alias(IR.Alias(name: name, target: target, documentation: IR.Documentation(pointer: JSONPointer())))
        }
        let sorted = ModuleResolver.sortedByName([
            alias("b", .string), alias("B", .string), alias("a", .string), alias("b", .integer), alias("Ab", .string),
        ])
        // Uppercase letters sort before lowercase ones ("A" is U+0041, "a" U+0061).
        #expect(sorted.map(\.name) == ["Ab", "B", "a", "b", "b"])
        guard case .alias(let first) = sorted[3], case .alias(let second) = sorted[4] else {
            Issue.record("expected aliases")
            return
        }
        #expect(first.target == .string)
        #expect(second.target == .integer)
    }
}
