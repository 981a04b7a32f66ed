import Testing

@testable import GeneratorCore

/// The byte-level paths the back of the pipeline takes for speed: tidying a buffer in place (which the few-files
/// layout does in the storage of the file's string), the few-files layout's edges, and `TemplateParser`'s byte
/// units beside the characters that are not one ASCII scalar. The expected texts are written out by hand; the
/// parser's reference is swift-mustache's own parse.
struct InPlaceAssemblyTests {
    /// Tidies `text` in a buffer of its own bytes and one more, in place.
    static func tidyInPlace(_ text: String) -> String {
        var bytes = Array(text.utf8) + [0]
        let count = bytes.count - 1
        let written = bytes.withUnsafeMutableBufferPointer {
            TemplateRenderer.tidy(UnsafePointer($0.baseAddress!), count: count, into: $0.baseAddress!)
        }
        return String(decoding: bytes[..<written], as: UTF8.self)
    }

    @Test func tidyingInPlaceMovesEachLineBackOverWhatItRemoved() {
        // Leading blank lines go; trailing spaces, tabs and the carriage return go; a run of blank lines is one.
        #expect(Self.tidyInPlace("\n\n  a  \n\n\n\nb\r\n\t\nc") == "  a\n\nb\n\nc\n")
        // No final newline: it goes in the one byte past the text.
        #expect(Self.tidyInPlace("a\n\nb") == "a\n\nb\n")
        // Nothing to remove: the text stays as it is.
        #expect(Self.tidyInPlace("x\ny\n") == "x\ny\n")
        // Blank only: one newline; multibyte text is moved whole.
        #expect(Self.tidyInPlace(" \n\t\n") == "\n")
        #expect(Self.tidyInPlace("\n é  \n\n\n🙂\n\n") == " é\n\n🙂\n")
    }

    @Test func fewFilesEdges() {
        // The last part holds only imports: its mark ends the file, with one final newline.
        let parts: [(name: String, text: String)] = [
            (name: "A", text: "// banner\n\nimport Foundation\n\nlet a = 1\n"),
            (name: "B", text: "// banner\n\nimport Dispatch\n"),
        ]
        #expect(
            OutputLayout.concatenate(parts, banner: "// banner")
                == "// banner\n\nimport Foundation\nimport Dispatch\n\n// MARK: - A\n\nlet a = 1\n\n// MARK: - B\n")
    }

    @Test func fewFilesTidyOrNotAsTheBannerAndNamesRequire() {
        let parts: [(name: String, text: String)] = [
            (name: "A", text: "// b\n\nimport Foundation\n\nlet a = 1\n\nlet b = 2\n"),
            (name: "B", text: "// b\n\nimport Foundation\n"),
            (name: "C", text: "// b\n\n/// é\nlet c = 3\n"),
        ]
        // A tidy banner and names: put together already tidy, an empty part's blank line shared with the next.
        let tidyText =
            "// b\n\nimport Foundation\n\n// MARK: - A\n\nlet a = 1\n\nlet b = 2\n\n// MARK: - B\n\n"
            + "// MARK: - C\n\n/// é\nlet c = 3\n"
        #expect(OutputLayout.concatenate(parts, banner: "// b") == tidyText)
        // A banner with a trailing space: no part's first line is it, so every part keeps its banner line, tidied.
        let spaced = OutputLayout.concatenate(Array(parts.prefix(1)), banner: "// b ")
        #expect(spaced == "// b\n\n// MARK: - A\n\n// b\n\nimport Foundation\n\nlet a = 1\n\nlet b = 2\n")
        // A part with an empty name: its mark line ends with a space, which tidying removes.
        let unnamed = OutputLayout.concatenate([(name: "", text: "// b\n\nlet x = 0\n")], banner: "// b")
        #expect(unnamed == "// b\n\n// MARK: -\n\nlet x = 0\n")
    }

    @Test func nonASCIICharactersParseAsSwiftMustacheParsesThem() {
        let texts = [
            // Whitespace that is not ASCII around names (no-break space, ideographic space), newlines that are not
            // ASCII (next line, line separator) after standalone tags.
            "{{\u{A0}x\u{A0}}}\u{85}{{#s}}\u{2028}{{/s}}\n", "{{>\u{3000}part}}\n", "  {{#s}}\u{85}x\n{{/s}}\n",
            // A brace before a letter with an accent, and accented text inside a section and a comment.
            "\n{é{x}} {{#s}}ü{{/s}} {{! ö }}\n", "\u{1F600}\r\n{{x}}\r\n",
        ]
        for text in texts {
            let nodes = TemplateParser.nodes(of: text)
            #expect(
                nodes.map(TemplateParserTests.describe) == TemplateParserTests.reference(text),
                "\(text.debugDescription)")
        }
    }

    @Test func utf8ScansSeeEveryByte() {
        #expect("".utf8AllSatisfy { $0 < 0x80 })
        #expect("plain ASCII text".utf8AllSatisfy { $0 < 0x80 })
        // é is 0xC3 0xA9: not ASCII, though every byte before it is.
        #expect(!"caf\u{E9}".utf8AllSatisfy { $0 < 0x80 })
        // The last byte counts too.
        #expect(!"abc`".utf8AllSatisfy { $0 != UInt8(ascii: "`") })
        // A string that is a slice's copy, and one long enough not to be stored inline.
        let long = String(repeating: "x", count: 100) + "\r"
        #expect(!long.utf8AllSatisfy { $0 != UInt8(ascii: "\r") })
        #expect(String(long.dropLast()).utf8AllSatisfy { $0 == UInt8(ascii: "x") })
    }
}
