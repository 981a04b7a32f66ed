import Testing

@testable import GeneratorCore

/// `DocLinesMaker` makes doc comment paragraphs, each distinct text once, telling texts apart by
/// their bytes.
@Suite struct DocLinesMakerTests {
    @Test func linesAreSwiftTextsParagraphsSeparated() {
        let maker = DocLinesMaker()
        let lines = maker.docLines(
            summary: "A pet.", description: "Its name\r\nand\tkind.", pointer: JSONPointer(["components", "Pet"]),
            extra: ["Read-only."])
        #expect(
            lines == [
                "/// A pet.", "///", "/// Its name", "/// and    kind.", "///", "/// Read-only.", "///",
                "/// Source: `#/components/Pet`",
            ])
        // A description with the summary's lines is left out; an empty summary leaves no paragraph.
        #expect(
            maker.docLines(summary: "Same.", description: "Same.\n", source: nil) == ["/// Same."])
        #expect(maker.docLines(summary: " \n", description: "Text.", source: nil) == ["/// Text."])
        #expect(maker.docLines(summary: nil, description: nil, source: nil).isEmpty)
    }

    @Test func aRepeatedTextGivesTheSameLinesAndALongOneIsWrapped() {
        let maker = DocLinesMaker()
        // 21 words of 4 letters: 104 characters with spaces, wrapped after the 20th word (99 characters).
        let text = Array(repeating: "word", count: 21).joined(separator: " ")
        let wrapped = ["/// " + Array(repeating: "word", count: 20).joined(separator: " "), "/// word"]
        for _ in 0..<2 {
            #expect(maker.docLines(summary: text, description: nil, source: nil) == wrapped)
            #expect(maker.docLines(summary: nil, description: nil, source: nil, extra: [text]) == wrapped)
        }
        // Two extra paragraphs that join to the same text keep their own lines.
        #expect(maker.extraComment(["a", "b"]) == ["/// a", "/// b"])
        #expect(maker.extraComment(["a\nb"]) == ["/// a\nb"])
    }

    /// An extra paragraph's lines are wrapped one by one, each distinct line once: a line inside a code fence is
    /// left as it is, the same line outside one is wrapped, and the fence stays open across lines.
    @Test func extraLinesAreWrappedByLineAndFence() {
        let maker = DocLinesMaker()
        // 21 words of 4 letters: 104 characters with spaces, wrapped after the 20th word (99 characters).
        let long = Array(repeating: "word", count: 21).joined(separator: " ")
        let wrapped = ["/// " + Array(repeating: "word", count: 20).joined(separator: " "), "/// word"]
        for _ in 0..<2 {
            #expect(
                maker.extraComment([long, "", "```", long, "```", long]) == wrapped + [
                    "///", "/// ```", "/// " + long, "/// ```",
                ] + wrapped)
            #expect(maker.extraComment(["~~~", long]) == ["/// ~~~", "/// " + long])
            #expect(maker.extraComment([long]) == wrapped)
        }
    }

    /// `é` as one scalar (C3 A9) and as `e` and a combining acute (65 CC 81) are equal `String`s; each comment
    /// keeps its own bytes.
    @Test func canonicallyEquivalentTextsKeepTheirBytes() {
        let maker = DocLinesMaker()
        let composed = "Caf\u{E9}."
        let decomposed = "Cafe\u{301}."
        #expect(composed == decomposed)
        let first = maker.docLines(summary: composed, description: nil, source: nil)
        let second = maker.docLines(summary: decomposed, description: nil, source: nil)
        #expect(Array(first[0].utf8) == Array("/// Caf".utf8) + [0xC3, 0xA9, 0x2E])
        #expect(Array(second[0].utf8) == Array("/// Cafe".utf8) + [0xCC, 0x81, 0x2E])
    }

    /// A description's paragraph: a code fence opened in one line stays open for the next lines of the same
    /// text, and a CRLF inside it is one break, in ASCII (read byte by byte) and with an `é` alike.
    @Test func aParagraphKeepsItsFenceAcrossLines() {
        let maker = DocLinesMaker()
        // 21 words of 4 letters: 104 characters with spaces, wrapped after the 20th word (99 characters).
        let long = Array(repeating: "word", count: 21).joined(separator: " ")
        let twenty = Array(repeating: "word", count: 20).joined(separator: " ")
        #expect(
            maker.docLines(summary: nil, description: "```\r\n" + long + "\n```\n" + long, source: nil) == [
                "/// ```", "/// " + long, "/// ```", "/// " + twenty, "/// word",
            ])
        #expect(
            maker.docLines(summary: nil, description: "```\r\n\u{E9}" + long + "\n```\n" + long, source: nil) == [
                "/// ```", "/// \u{E9}" + long, "/// ```", "/// " + twenty, "/// word",
            ])
    }

    /// Two texts of 120 bytes that differ only in byte 60 are different keys and keep their own lines, also when
    /// asked again (the cache compares them byte for byte).
    @Test func longTextsAlikeAtBothEndsKeepTheirOwnLines() {
        let maker = DocLinesMaker()
        let head = String(repeating: "a", count: 59)
        let tail = String(repeating: "b", count: 60)
        let first = head + "X" + tail
        let second = head + "Y" + tail
        #expect(first.utf8.count == 120)
        #expect(DocLinesMaker.TextKey(text: first) != DocLinesMaker.TextKey(text: second))
        // Every byte is hashed, so texts alike at both ends do not share a bucket (a 64-bit hash: equal by chance
        // once in 2^64).
        #expect(DocLinesMaker.TextKey(text: first).hashValue != DocLinesMaker.TextKey(text: second).hashValue)
        for _ in 0..<2 {
            #expect(maker.docLines(summary: first, description: nil, source: nil) == ["/// " + first])
            #expect(maker.docLines(summary: second, description: nil, source: nil) == ["/// " + second])
        }
        // Same length, same ends: told apart by the middle byte, also as extra lines.
        #expect(maker.extraComment([first, second]) == ["/// " + first, "/// " + second])
    }

    /// The source line from a pointer's tokens: `~` as `~0`, `/` as `~1`, a backquote as `'`; the same as through
    /// the pointer's text, for ASCII tokens and others.
    @Test func sourceLinesEscapeTokens() {
        let pointer = JSONPointer(["paths", "/v1/charges", "get", "a~b`c"])
        #expect(DocLinesMaker.sourceLine(pointer) == "/// Source: `#/paths/~1v1~1charges/get/a~0b'c`")
        #expect(DocLinesMaker.sourceLine(JSONPointer([])) == "/// Source: `#`")
        let accented = JSONPointer(["components", "Caf\u{E9}`/"])
        #expect(DocLinesMaker.sourceLine(accented) == "/// Source: `#/components/Caf\u{E9}'~1`")
        #expect(
            SwiftText.docLines(summary: nil, description: nil, source: pointer.description)
                == [DocLinesMaker.sourceLine(pointer)])
    }

    /// The texts of a document's tree made before the rendering (`paragraphs(ofTextsIn:)`): every `title`,
    /// `summary` and `description` string at any depth, including under a property that is itself named
    /// `description`, and nothing else; a maker seeded with them, and its sibling for another thread, give the lines
    /// an unseeded maker gives.
    @Test func paragraphsOfADocumentsTextsSeedMakers() throws {
        let text = """
            info: {title: Pets, description: "All the pets.\\nAnd more."}
            paths:
              /pets:
                get:
                  summary: List pets.
                  responses:
                    '200': {description: A list.}
            components:
              schemas:
                Pet:
                  properties:
                    description: {type: string, description: What the pet is like.}
                  example: {name: Rex, note: Not a text.}
            """
        let root = try #require(try YAMLParser(bytes: Array(text.utf8)).parse())
        let seed = DocLinesMaker.paragraphs(ofTextsIn: root)
        #expect(
            Set(seed.keys.map(\.text)) == [
                "Pets", "All the pets.\nAnd more.", "List pets.", "A list.", "What the pet is like.",
            ])
        #expect(
            seed[DocLinesMaker.TextKey(text: "All the pets.\nAnd more.")]?.comment == [
                "/// All the pets.", "/// And more.",
            ])
        let seeded = DocLinesMaker(seed: seed)
        for maker in [seeded, seeded.sibling()] {
            #expect(maker.seed.count == 5)
            #expect(
                maker.docLines(summary: "Pets", description: "All the pets.\nAnd more.", source: nil)
                    == ["/// Pets", "///", "/// All the pets.", "/// And more."])
            #expect(maker.docLines(summary: "Not seeded.", description: nil, source: nil) == ["/// Not seeded."])
        }
    }
}
