import Testing

@testable import GeneratorCore

func parse(_ text: String) throws -> YAMLNode {
    try #require(try YAMLParser(bytes: Array(text.utf8)).parse())
}

func parseError(_ text: String) -> YAMLError? {
    do {
        _ = try YAMLParser(bytes: Array(text.utf8)).parse()
        return nil
    } catch {
        return error
    }
}

@Suite struct YAMLParserTests {
    @Test func blockMappingKeepsOrderAndMarks() throws {
        let root = try parse("b: 1\na:\n  - x\n  - y\n")
        let pairs = try #require(root.pairs)
        #expect(pairs.map { $0.key.scalar?.text } == ["b", "a"])
        #expect(pairs[0].key.mark == SourceMark(line: 1, column: 1))
        #expect(pairs[0].value.mark == SourceMark(line: 1, column: 4))
        let items = try #require(root["a"]?.items)
        #expect(items.map { $0.scalar?.text } == ["x", "y"])
        #expect(items[1].mark == SourceMark(line: 4, column: 5))
    }

    @Test func flowStyleAndJSON() throws {
        let root = try parse(#"{"a": [1, 2.5, "three", true, null], "b": {}}"#)
        let items = try #require(root["a"]?.items)
        #expect(items.map { $0.scalar?.value } == [.integer(1), .number(2.5), .string("three"), .bool(true), .null])
        #expect(root["b"]?.pairs?.isEmpty == true)
        #expect(items[2].mark == SourceMark(line: 1, column: 16))
    }

    /// Columns count Unicode scalars: `é` is two bytes in UTF-8 and `🎬` four, each one column.
    @Test func columnsCountUnicodeScalarsOnMultibyteLines() throws {
        let root = try parse("title: \"Café 🎬\"\nkey: {é: 🎬, next: value}\n")
        #expect(root["title"]?.scalar?.text == "Café 🎬")
        let flow = try #require(root["key"]?.pairs)
        #expect(flow[0].key.mark == SourceMark(line: 2, column: 7))
        #expect(flow[0].value.mark == SourceMark(line: 2, column: 10))
        #expect(flow[1].key.mark == SourceMark(line: 2, column: 13))
        #expect(flow[1].value.mark == SourceMark(line: 2, column: 19))
    }

    @Test func coreSchemaScalars() throws {
        let root = try parse(
            """
            a: ON
            b: no
            c: y
            d: true
            e: False
            f: 9223372036854775807
            g: -9223372036854775808
            h: "123"
            i: '1.5'
            j: 0x1F
            k: 1e3
            l: ~
            m: 1.0.0
            n: 9223372036854775808
            o: .inf
            p: !!str 12
            """)
        func value(_ key: String) -> YAMLScalar.Value? { root[key]?.scalar?.value }
        #expect(value("a") == .string("ON"))
        #expect(value("b") == .string("no"))
        #expect(value("c") == .string("y"))
        #expect(value("d") == .bool(true))
        #expect(value("e") == .bool(false))
        #expect(value("f") == .integer(Int64.max))
        #expect(value("g") == .integer(Int64.min))
        #expect(value("h") == .string("123"))
        #expect(value("i") == .string("1.5"))
        #expect(value("j") == .integer(31))
        #expect(value("k") == .number(1000))
        #expect(value("l") == .null)
        #expect(value("m") == .string("1.0.0"))
        #expect(value("n") == .number(9223372036854775808))
        #expect(root["n"]?.scalar?.text == "9223372036854775808")
        #expect(value("o") == .number(.infinity))
        #expect(value("p") == .string("12"))
    }

    @Test func anchorsAndAliasesResolve() throws {
        let root = try parse("base: &b {type: string}\nuse: *b\n")
        #expect(root["use"]?["type"]?.scalar?.text == "string")
        #expect(root["use"]?.mark == SourceMark(line: 2, column: 6))
    }

    @Test func aliasExplosionIsBounded() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = level == 1 ? "a" : "a\(level - 1)"
            text +=
                "a\(level): &a\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let error = try #require(parseError(text))
        #expect(error.message.contains("aliases expand to more than"))
    }

    /// BR-28: the YAML 1.1 merge key is supported; the mapping's own keys win over merged ones.
    @Test func mergeKeysInsertTheMergedPairs() throws {
        let root = try parse(
            """
            base: &base {type: object, title: Base, description: shared}
            extra: &extra {nullable: true, title: Extra}
            money:
              title: Money
              <<: [*base, *extra]
              format: m
            quoted: {"<<": 1}
            """)
        let money = try #require(root["money"]?.pairs)
        #expect(money.map { $0.key.scalar!.text } == ["title", "type", "description", "nullable", "format"])
        #expect(root["money"]?["title"]?.scalar?.text == "Money")
        #expect(root["quoted"]?["<<"]?.scalar?.text == "1")
        let error = try #require(parseError("a:\n  <<: 5\n"))
        #expect(error.message == "merge key '<<' expects a mapping or a sequence of mappings, found an integer")
        #expect(error.mark == SourceMark(line: 2, column: 7))
    }

    @Test func duplicateKeyIsAnError() throws {
        let error = try #require(parseError("a: 1\nb: 2\na: 3\n"))
        #expect(error.mark == SourceMark(line: 3, column: 1))
        #expect(error.message == "duplicate mapping key 'a'; the first is at line 1, column 1")
    }

    @Test func secondDocumentIsAnError() throws {
        let error = try #require(parseError("a: 1\n---\nb: 2\n"))
        #expect(error.mark == SourceMark(line: 2, column: 1))
        #expect(error.message.hasPrefix("a second document"))
    }

    @Test func syntaxErrorHasAPosition() throws {
        let error = try #require(parseError("a: [1, 2\nb: 3\n"))
        #expect(error.mark.line == 2)
        #expect(!error.message.isEmpty)
        let tab = try #require(parseError("a:\n\t- b\n"))
        #expect(tab.mark == SourceMark(line: 2, column: 1))
    }

    @Test func undefinedAliasIsAnError() throws {
        let error = try #require(parseError("a: *nowhere\n"))
        #expect(error.mark.line == 1)
    }

    @Test func emptyStreamHasNoRoot() throws {
        #expect(try YAMLParser(bytes: []).parse() == nil)
        #expect(try YAMLParser(bytes: Array("# only a comment\n".utf8)).parse() == nil)
    }

    /// BR-35: JSON surrogate pair escapes, which libyaml rejects on its own, become the character they
    /// stand for, and positions after them on the same line stay those of the original text.
    @Test func jsonSurrogatePairsDecodeAndKeepColumns() throws {
        let root = try parse(#"{"s": "\ud83d\ude00 ok \u00e9 \\ud83d", "t": "\uD83D\uDC4D"}"#)
        let text = try #require(root["s"]?.scalar?.text)
        #expect(text == "\u{1F600} ok é \\ud83d")
        #expect(text.unicodeScalars.first?.value == 0x1F600)
        #expect(root["t"]?.scalar?.text == "👍")
        // `"t"` starts at column 41 of the original line (the escapes count as written).
        #expect(root.pairs?[1].key.mark == SourceMark(line: 1, column: 41))
        let duplicate = try #require(parseError(#"{"a": "\ud83d\ude00\ud83d\ude00", "a": 1}"#))
        #expect(duplicate.mark == SourceMark(line: 1, column: 35))
    }

    @Test func loneSurrogateIsAnErrorWithItsPosition() throws {
        let error = try #require(parseError("{\n  \"a\": \"x \\ud83d y\"\n}"))
        #expect(error.mark == SourceMark(line: 2, column: 11))
        #expect(error.message.hasPrefix("lone UTF-16 surrogate '\\ud83d'"))
    }

    @Test func yamlTextIsNotRewritten() throws {
        let root = try parse("a: '\\ud83d\\ude00'\n")
        #expect(root["a"]?.scalar?.text == "\\ud83d\\ude00")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = try #require(parseError(text))
        #expect(error.message.contains("nesting deeper than"))
    }
}
