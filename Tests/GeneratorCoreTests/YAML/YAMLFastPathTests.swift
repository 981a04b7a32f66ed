import Testing

@testable import GeneratorCore

/// The parser's shortcuts give what the full rules give: a plain scalar known to be a string by its first byte, and
/// duplicate keys found by comparing a small mapping's keys one by one (up to `TreeBuilder.scannedKeyCount` keys)
/// or through an index in a larger one.
@Suite struct YAMLFastPathTests {
    /// Words that start like `null`, `true` or `false` but are none of them, beside the values they resemble.
    @Test func plainScalarsByFirstByte() throws {
        let root = try parse(
            """
            name: nullable
            type: trueish
            format: falsey
            Null: NULL
            t: True
            f: FALSE
            empty:
            tilde: ~
            plus: +12
            minus: -7
            point: .5
            negativeInfinity: -.inf
            nan: .NaN
            octal: 0o17
            signedOctal: -0o17
            word: word
            quoted: "null"
            """)
        func value(_ key: String) -> YAMLScalar.Value? { root[key]?.scalar?.value }
        #expect(root.pairs?.first?.key.scalar?.value == .string("name"))
        #expect(value("name") == .string("nullable"))
        #expect(value("type") == .string("trueish"))
        #expect(value("format") == .string("falsey"))
        #expect(root.pairs?[3].key.scalar?.value == .null)  // the key `Null`
        #expect(value("Null") == .null)
        #expect(value("t") == .bool(true))
        #expect(value("f") == .bool(false))
        #expect(value("empty") == .null)
        #expect(value("tilde") == .null)
        #expect(value("plus") == .integer(12))
        #expect(value("minus") == .integer(-7))
        #expect(value("point") == .number(0.5))
        #expect(value("negativeInfinity") == .number(-.infinity))
        if case .number(let nan)? = value("nan") { #expect(nan.isNaN) } else { Issue.record("'.NaN' is not a number") }
        #expect(value("octal") == .integer(15))
        #expect(value("signedOctal") == .string("-0o17"))
        #expect(value("word") == .string("word"))
        #expect(value("quoted") == .string("null"))
    }

    @Test func firstBytesThatMayStartANonString() {
        for character in "0123456789-+.~nNtTfF" {
            #expect(YAMLScalar.mayBeNonString(first: character.asciiValue!), "\(character)")
        }
        for character in "aAxXyYoO_/\"'$<" {
            #expect(!YAMLScalar.mayBeNonString(first: character.asciiValue!), "\(character)")
        }
    }

    /// A small mapping: its keys are compared one by one.
    @Test func duplicateKeyInASmallMapping() throws {
        let error = try #require(parseError("a: 1\nb: 2\nc: 3\nb: 4\n"))
        #expect(error.mark == SourceMark(line: 4, column: 1))
        #expect(error.message == "duplicate mapping key 'b'; the first is at line 2, column 1")
        // Collection keys: `[a, b]` starts at column 2, its repetition at column 13.
        let collection = try #require(parseError("{[a, b]: 1, [a, b]: 2}"))
        #expect(collection.mark == SourceMark(line: 1, column: 13))
        #expect(collection.message == "duplicate mapping key 'sequence'; the first is at line 1, column 2")
        // Different collection keys, and a scalar with a collection's text, are not duplicates.
        let root = try parse("{[a, b]: 1, [b, a]: 2, '[a, b]': 3}")
        #expect(root.pairs?.count == 3)
    }

    /// A mapping of more keys than are compared one by one: the ninth key is checked against the first eight
    /// through the index built for it, and later keys too.
    @Test func duplicateKeysInALargeMapping() throws {
        let keys = (1...8).map { "k\($0): \($0)\n" }.joined()
        // The ninth key repeats the eighth (line 8).
        let ninth = try #require(parseError(keys + "k8: again\n"))
        #expect(ninth.mark == SourceMark(line: 9, column: 1))
        #expect(ninth.message == "duplicate mapping key 'k8'; the first is at line 8, column 1")
        // The twelfth key (line 12) repeats the second.
        let twelfth = try #require(parseError(keys + "k9: 9\nk10: 10\nk11: 11\nk2: again\n"))
        #expect(twelfth.mark == SourceMark(line: 12, column: 1))
        #expect(twelfth.message == "duplicate mapping key 'k2'; the first is at line 2, column 1")
        // A repeated key after the ninth that was itself first seen after the index was built.
        let late = try #require(parseError(keys + "k9: 9\nk10: 10\nk10: again\n"))
        #expect(late.mark == SourceMark(line: 11, column: 1))
        #expect(late.message == "duplicate mapping key 'k10'; the first is at line 10, column 1")
        // Collection keys through the index.
        let collection = try #require(parseError(keys + "k9: 9\n[a]: 1\n[a]: 2\n"))
        #expect(collection.mark == SourceMark(line: 11, column: 1))
        #expect(collection.message == "duplicate mapping key 'sequence'; the first is at line 10, column 1")
        // Twelve distinct keys parse, in order.
        let root = try parse(keys + "k9: 9\nk10: 10\n[a]: 11\n'[a]': 12\n")
        #expect(root.pairs?.count == 12)
        #expect(root.pairs?.last?.value.scalar?.value == .integer(12))
    }
}
