import Testing

@testable import GeneratorCore

/// How the tree is stored: nodes hold their kind in place, a string scalar keeps its text once (its value is made
/// from the text), and the tree builder moves each collection's children out of one growing buffer.
@Suite struct YAMLNodeStorageTests {
    /// More children than the builder's buffer first holds (1,024), open at once: a sequence of 3,000 numbers
    /// inside a mapping whose 1,500 keys come before it, so the buffer grows while both are open.
    @Test func collectionsLargerThanTheFirstBuffer() throws {
        let keys = (0..<1500).map { "k\($0): \($0)\n" }.joined()
        let items = (0..<3000).map { "  - \($0)\n" }.joined()
        let root = try parse(keys + "list:\n" + items + "last: end\n")
        let pairs = try #require(root.pairs)
        #expect(pairs.count == 1502)
        #expect(pairs[0].key.scalar?.text == "k0")
        #expect(pairs[1499].key.scalar?.text == "k1499")
        #expect(pairs[1499].value.scalar?.value == .integer(1499))
        #expect(pairs[1501].value.scalar?.text == "end")
        let list = try #require(root["list"]?.items)
        #expect(list.count == 3000)
        #expect(list[0].scalar?.value == .integer(0))
        #expect(list[2999].scalar?.value == .integer(2999))
        // `list:` is line 1,501; its first item is on line 1,502, its last on line 4,501, at column 5.
        #expect(list[0].mark == SourceMark(line: 1502, column: 5))
        #expect(list[2999].mark == SourceMark(line: 4501, column: 5))
        #expect(root["last"]?.mark == SourceMark(line: 4502, column: 7))
    }

    /// An error while collections are open (the buffer still holds their children) is reported as before.
    @Test func errorWithOpenCollections() throws {
        let items = (0..<2000).map { "  - {a: \($0)}\n" }.joined()
        let error = try #require(parseError("outer:\n" + items + "  - {b: 1, b: 2}\n"))
        #expect(error.message == "duplicate mapping key 'b'; the first is at line 2002, column 6")
        #expect(error.mark == SourceMark(line: 2002, column: 12))
    }

    @Test func valuesFromTheText() throws {
        let root = try parse(
            """
            plain: words here
            quoted: "12"
            number: 12
            tagged: !!int "7"
            tilde: ~
            null: null
            quotedNull: "null"
            flag: true
            """)
        #expect(root["plain"]?.scalar?.value == .string("words here"))
        #expect(root["quoted"]?.scalar?.value == .string("12"))
        #expect(root["number"]?.scalar?.value == .integer(12))
        #expect(root["tagged"]?.scalar?.value == .integer(7))
        #expect(root["tagged"]?.scalar?.text == "7")
        #expect(root["tilde"]?.scalar?.isNull == true)
        #expect(root["null"]?.scalar?.isNull == true)
        #expect(root["quotedNull"]?.scalar?.isNull == false)
        #expect(root["quotedNull"]?.scalar?.value == .string("null"))
        #expect(root["flag"]?.scalar?.value == .bool(true))
        // Scalars made by hand equal the parsed ones with the same text, value and style.
        #expect(root["quoted"]?.scalar == YAMLScalar(text: "12", value: .string("12"), isPlain: false))
        #expect(root["number"]?.scalar == YAMLScalar(text: "12", value: .integer(12), isPlain: true))
        #expect(root["number"]?.scalar != YAMLScalar(text: "12", value: .string("12"), isPlain: true))
    }

    /// The bundler keeps only the length and the last two tokens of a node's pointer.
    @Test func bundlerTrail() {
        typealias Trail = ReferenceBundler.Trail
        let schemas = Trail().appending("components").appending("schemas")
        #expect(schemas.isComponentSchemas)
        #expect(schemas == Trail(["components", "schemas"]))
        #expect(!Trail(["x", "components", "schemas"]).isComponentSchemas)
        #expect(!Trail(["components"]).isComponentSchemas)
        let responses = Trail(["paths", "/a", "get"]).appending("responses")
        #expect(responses.count == 4)
        #expect(responses.last == "responses")
        #expect(responses.beforeLast == "get")
        #expect(Trail(["responses"]).beforeLast == nil)
        #expect(Trail().appending("responses").beforeLast == nil)
        #expect(Trail(["components", "responses"]).beforeLast == "components")
    }
}
