import Foundation
import Testing

@testable import GeneratorCore

/// `JSONFastPath`: the tree of a JSON document read without libyaml, with hand-counted marks; the documents it
/// declines (which libyaml then reads); and, on JSON versions of every fixture document, exactly libyaml's tree.
@Suite struct JSONFastPathTests {
    static func fastTree(_ text: String) -> YAMLNode? {
        Array(text.utf8).withUnsafeBufferPointer { JSONFastPath.parse($0, file: nil) }
    }

    static func fastTree(bytes: [UInt8]) -> YAMLNode? {
        bytes.withUnsafeBufferPointer { JSONFastPath.parse($0, file: nil) }
    }

    @Test func readsValuesTextsAndMarks() throws {
        let root = try #require(
            Self.fastTree(
                #"""
                {"a": [1, -2.5e3, true, null, "x\u00e9\n"],
                 "é": {"k":"v", "n": 0},
                  "s": "Ωmega \"q\" \/ \\"}
                """#))
        #expect(root.mark == SourceMark(line: 1, column: 1))
        let pairs = try #require(root.pairs)
        #expect(pairs.map { $0.key.scalar?.text } == ["a", "é", "s"])
        #expect(
            pairs.map(\.key.mark) == [
                SourceMark(line: 1, column: 2), SourceMark(line: 2, column: 2), SourceMark(line: 3, column: 3),
            ])
        #expect(pairs.allSatisfy { $0.key.scalar?.isPlain == false })
        let items = try #require(pairs[0].value.items)
        #expect(pairs[0].value.mark == SourceMark(line: 1, column: 7))
        #expect(items.map { $0.scalar?.text } == ["1", "-2.5e3", "true", "null", "xé\n"])
        #expect(items.map { $0.scalar?.value } == [.integer(1), .number(-2500), .bool(true), .null, .string("xé\n")])
        #expect(items.map { $0.scalar?.isPlain } == [true, true, true, true, false])
        #expect(items.map(\.mark.column) == [8, 11, 19, 25, 31])
        // After `é` (two bytes, one column) the mapping starts at column 7.
        let inner = try #require(pairs[1].value.pairs)
        #expect(pairs[1].value.mark == SourceMark(line: 2, column: 7))
        #expect(inner.map(\.key.mark.column) == [8, 17])
        #expect(inner[0].value.mark == SourceMark(line: 2, column: 12))
        #expect(inner[1].value.scalar?.value == .integer(0))
        #expect(inner[1].value.mark == SourceMark(line: 2, column: 22))
        #expect(pairs[2].value.scalar?.value == .string("Ωmega \"q\" / \\"))
        #expect(pairs[2].value.mark == SourceMark(line: 3, column: 8))
    }

    @Test func marksNameTheFileWhenGiven() throws {
        let root = try #require(
            Array(#"[{}, []]"#.utf8).withUnsafeBufferPointer { JSONFastPath.parse($0, file: "o.json") })
        #expect(
            root.items?.map(\.mark) == [
                SourceMark(line: 1, column: 2, file: "o.json"), SourceMark(line: 1, column: 6, file: "o.json"),
            ])
    }

    static let declined: [(String, [UInt8])] = [
        ("tab", Array("{\"a\":\t1}".utf8)),
        ("carriage return", Array("{\"a\": 1}\r\n".utf8)),
        ("trailing comma", Array(#"{"a": 1,}"#.utf8)),
        ("unquoted key", Array("{a: 1}".utf8)),
        ("colon on the next line", Array("{\"a\"\n: 1}".utf8)),
        ("key of 1,001 bytes to its colon", Array(("{\"" + String(repeating: "k", count: 999) + "\": 1}").utf8)),
        ("surrogate half", Array(#"{"a": "\ud83d"}"#.utf8)),
        ("control character", Array("{\"a\": \"x\u{1}\"}".utf8)),
        ("DEL", Array("{\"a\": \"x\u{7F}\"}".utf8)),
        ("next line (a YAML line break)", Array("{\"a\": \"x\u{85}\"}".utf8)),
        ("line separator", Array("{\"a\": \"x\u{2028}\"}".utf8)),
        ("byte order mark inside", Array("{\"a\": \"x\u{FEFF}\"}".utf8)),
        ("byte order mark first", [0xEF, 0xBB, 0xBF] + Array("{}".utf8)),
        ("invalid UTF-8", [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]),
        ("overlong UTF-8", [0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D]),
        ("leading zero", Array(#"{"a": 01}"#.utf8)),
        ("point without digits", Array(#"{"a": 1.}"#.utf8)),
        ("point first", Array(#"{"a": .5}"#.utf8)),
        ("unknown escape", Array(#"{"a": "\x41"}"#.utf8)),
        ("misspelled literal", Array(#"{"a": tru}"#.utf8)),
        ("content after the root", Array(#"{"a": 1} x"#.utf8)),
        ("scalar root", Array(#""text""#.utf8)),
        ("empty", []),
        ("duplicate key", Array(#"{"a": 1, "a": 2}"#.utf8)),
        ("unclosed", Array(#"{"a": [1, 2}"#.utf8)),
        ("too deep", Array((String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8)),
    ]

    @Test(arguments: declined) func declines(_ reason: String, _ bytes: [UInt8]) {
        #expect(Self.fastTree(bytes: bytes) == nil, "\(reason)")
    }

    /// The longest key read: 1,000 bytes from its quote to its colon.
    @Test func readsAKeyOfAThousandBytes() throws {
        let key = String(repeating: "k", count: 998)
        let text = "{\"" + key + "\": 1}"
        let root = try #require(Self.fastTree(text))
        #expect(root.pairs?.first?.key.scalar?.text == key)
        let libYAML = try #require(try YAMLParser(bytes: Array(text.utf8)).parseWithLibYAML())
        #expect(Self.difference(root, libYAML) == nil)
    }

    /// Declined documents are read by libyaml: a tab and a trailing comma are YAML, a duplicate key is its error.
    @Test func declinedDocumentsFallBackToLibYAML() throws {
        let tab = try parse("{\"a\":\t1}")
        #expect(tab["a"]?.scalar?.value == .integer(1))
        let comma = try parse(#"{"a": 1,}"#)
        #expect(comma.pairs?.count == 1)
        let error = try #require(parseError(#"{"a": 1, "a": 2}"#))
        #expect(error.mark == SourceMark(line: 1, column: 10))
        #expect(error.message == "duplicate mapping key 'a'; the first is at line 1, column 2")
    }

    /// Every fixture document, written as JSON (pretty-printed, with escapes and non-ASCII text as the documents
    /// have them), gives the fast path exactly libyaml's tree.
    @Test func everyFixtureAsJSONGivesLibYAMLsTree() throws {
        let folders = ["compile", "corpus", "cases"].map { TestPaths.fixtures.appendingPathComponent($0) }
        var compared = 0
        for folder in folders {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".json") {
                let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
                guard let tree = try YAMLParser(bytes: bytes).parseWithLibYAML() else { continue }
                let json = Array(JSONWriter.text(of: tree).utf8)
                let fast = try #require(Self.fastTree(bytes: json), "\(name) as JSON is declined")
                let expected = try #require(try YAMLParser(bytes: json).parseWithLibYAML())
                #expect(Self.difference(fast, expected) == nil, "\(name)")
                compared += 1
            }
        }
        #expect(compared > 50)
    }

    /// Where two trees first differ, or `nil`.
    static func difference(_ a: YAMLNode, _ b: YAMLNode, at path: String = "") -> String? {
        guard a.mark == b.mark else { return "\(path): mark \(a.mark) != \(b.mark)" }
        switch (a.kind, b.kind) {
        case (.scalar(let x), .scalar(let y)):
            let sameValue: Bool
            if case .number(let p) = x.value, case .number(let q) = y.value, p.isNaN, q.isNaN {
                sameValue = true
            } else {
                sameValue = x.value == y.value
            }
            return x.text == y.text && x.isPlain == y.isPlain && sameValue ? nil : "\(path): \(x) != \(y)"
        case (.sequence(let x), .sequence(let y)):
            guard x.count == y.count else { return "\(path): \(x.count) items != \(y.count)" }
            for (index, (p, q)) in zip(x, y).enumerated() {
                if let difference = difference(p, q, at: path + "/\(index)") { return difference }
            }
            return nil
        case (.mapping(let x), .mapping(let y)):
            guard x.count == y.count else { return "\(path): \(x.count) pairs != \(y.count)" }
            for (p, q) in zip(x, y) {
                let key = p.key.scalar?.text ?? "?"
                if let difference = difference(p.key, q.key, at: path + "/key:" + key) { return difference }
                if let difference = difference(p.value, q.value, at: path + "/" + key) { return difference }
            }
            return nil
        default:
            return "\(path): \(a.kindName) != \(b.kindName)"
        }
    }
}

/// Writes a YAML tree as pretty-printed JSON, for `JSONFastPathTests`: keys and strings quoted (with JSON's
/// escapes), numbers and literals plain when JSON can write them so.
enum JSONWriter {
    static func text(of node: YAMLNode) -> String {
        var output = ""
        write(node, indent: 0, into: &output)
        return output + "\n"
    }

    static func write(_ node: YAMLNode, indent: Int, into output: inout String) {
        let padding = String(repeating: " ", count: indent + 2)
        switch node.kind {
        case .scalar(let scalar):
            output += literal(scalar)
        case .sequence(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += padding
                write(item, indent: indent + 2, into: &output)
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .mapping(let pairs):
            guard !pairs.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, pair) in pairs.enumerated() {
                output += padding + quoted(pair.key.scalar?.text ?? "\(pair.key.kindName)") + ": "
                write(pair.value, indent: indent + 2, into: &output)
                output += index == pairs.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    static func literal(_ scalar: YAMLScalar) -> String {
        switch scalar.value {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer, .number:
            let text = scalar.text
            let isJSONNumber =
                text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil
            return isJSONNumber ? text : quoted(text)
        case .string(let text): return quoted(text)
        }
    }

    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "/": output += "\\/"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}":
                output += String(format: "\\u%04X", scalar.value)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value):
                output += String(format: "\\u%04x", scalar.value)
            case _ where scalar.value > 0xFFFF:
                // Written as the character itself (a surrogate pair escape would send the document to libyaml).
                output.unicodeScalars.append(scalar)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
