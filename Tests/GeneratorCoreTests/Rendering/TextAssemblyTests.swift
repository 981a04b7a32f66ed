import Testing

@testable import GeneratorCore

/// `TemplateRenderer.tidy` and the few-files layout's `OutputLayout.concatenate`, which work on UTF-8 bytes: the
/// expected texts are written out by hand.
struct TextAssemblyTests {
    @Test func tidyEdgeCases() {
        // Nothing, or nothing but blank lines, is one newline.
        #expect(TemplateRenderer.tidy("") == "\n")
        #expect(TemplateRenderer.tidy("\n\n \t\n") == "\n")
        // Blank lines at the start go, a missing final newline is added, carriage returns before a newline go.
        #expect(TemplateRenderer.tidy("\n\n  a\r\nb \r") == "  a\nb\n")
        // Spaces inside a line and a line of only a carriage return (blank) are handled like the rest.
        #expect(TemplateRenderer.tidy("a b\n\r\n\r\nc") == "a b\n\nc\n")
        // Multibyte text is kept whole: é is two bytes, 🙂 four.
        #expect(TemplateRenderer.tidy("é \n\n\n🙂\t\n") == "é\n\n🙂\n")
    }

    @Test func concatenateMergesImportsAndKeepsEveryBody() {
        let banner = "// banner"
        let parts: [(name: String, text: String)] = [
            (name: "A", text: "// banner\n\nimport Foundation\n\nstruct A {}\n"),
            (
                name: "B",
                text:
                    "// banner\n\nimport Foundation\n#if canImport(FoundationNetworking)\nimport FoundationNetworking\n#endif\n\n/// é\nstruct B {\n    let x = \"🙂\"\n}\n"
            ),
            // Only imports: the part keeps its mark and an empty body.
            (name: "C", text: "// banner\n\n@preconcurrency import Dispatch\n"),
            // No banner line: the first line is text.
            (name: "D", text: "enum D {}\n"),
        ]
        let expected = """
            // banner

            import Foundation
            #if canImport(FoundationNetworking)
            import FoundationNetworking
            #endif
            @preconcurrency import Dispatch

            // MARK: - A

            struct A {}

            // MARK: - B

            /// é
            struct B {
                let x = "🙂"
            }

            // MARK: - C

            // MARK: - D

            enum D {}

            """
        #expect(OutputLayout.concatenate(parts, banner: banner) == expected)
    }

    @Test func concatenateStopsImportsAtTheFirstOtherLine() {
        // An import after the first declaration is text, not a leading import; an unclosed #if block is text too.
        let parts: [(name: String, text: String)] = [
            (name: "A", text: "// b\nlet a = 1\nimport Late\n"),
            (name: "B", text: "// b\n#if canImport(X)\nimport X\n"),
        ]
        #expect(
            OutputLayout.concatenate(parts, banner: "// b")
                == "// b\n\n// MARK: - A\n\nlet a = 1\nimport Late\n\n// MARK: - B\n\n#if canImport(X)\nimport X\n")
    }

    @Test func theBannerLineIsFoundAsAStringIsFound() {
        // The banner compared as bytes, and as a string when they differ: a canonically equivalent line (e and a
        // combining acute accent against é) is the banner too, as string comparison has it.
        let composed = "// caf\u{E9}"
        let decomposed = "// cafe\u{301}"
        #expect(
            OutputLayout.concatenate([(name: "A", text: decomposed + "\n\nlet a = 1\n")], banner: composed)
                == composed + "\n\n// MARK: - A\n\nlet a = 1\n")
        // A line that only starts like the banner is text.
        #expect(
            OutputLayout.concatenate([(name: "A", text: "// b2\nlet a = 1\n")], banner: "// b")
                == "// b\n\n// MARK: - A\n\n// b2\nlet a = 1\n")
    }

    /// A part's name that tidying would change (empty, or ending in a space) has its `// MARK: -` line tidied.
    @Test func marksThatTidyingChangesAreTidied() {
        #expect(
            OutputLayout.concatenate([(name: "", text: "// b\nlet a = 1\n")], banner: "// b")
                == "// b\n\n// MARK: -\n\nlet a = 1\n")
        #expect(
            OutputLayout.concatenate([(name: "A ", text: "// b\nlet a = 1\n")], banner: "// b")
                == "// b\n\n// MARK: - A\n\nlet a = 1\n")
    }

    @Test func concatenateOfNothingIsTheBanner() {
        #expect(OutputLayout.concatenate([], banner: "// b") == "// b\n")
        #expect(OutputLayout.concatenate([(name: "A", text: "// b")], banner: "// b") == "// b\n\n// MARK: - A\n")
    }
}

extension TextAssemblyTests {
    @Test func trimmingWhitespaceMatchesFoundationsWhitespaceSet() {
        #expect(OutputLayout.trimmingWhitespace(" \t import Foundation \t") == "import Foundation")
        #expect(OutputLayout.trimmingWhitespace(" \t ") == "")
        #expect(OutputLayout.trimmingWhitespace("") == "")
        #expect(OutputLayout.trimmingWhitespace("import Foundation") == "import Foundation")
        #expect(OutputLayout.trimmingWhitespace("a b") == "a b")
        // A line feed is not in the set; a no-break space (non-ASCII) is, through Foundation.
        #expect(OutputLayout.trimmingWhitespace(" a\n") == "a\n")
        #expect(OutputLayout.trimmingWhitespace("\u{A0}é\u{A0}") == "é")
    }
}
