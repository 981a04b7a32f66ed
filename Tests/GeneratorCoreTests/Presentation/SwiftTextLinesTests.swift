import Testing

@testable import GeneratorCore

/// `SwiftText.lines` and `SwiftText.wrap`, which take a byte-by-byte path for ASCII text and a character-by-character
/// one for the rest: each case is given in ASCII and with a non-ASCII letter, and both must give the lines written
/// out by hand.
struct SwiftTextLinesTests {
    @Test func linesSplitAtEveryBreakAndDropControlCharacters() {
        // CRLF is one break, CR and LF alone are one each; VT and FF break too; tabs are four spaces; NUL, BEL and
        // DEL are dropped; trailing spaces go; empty lines at both ends go, inner ones stay.
        let text = "\n  \nA\tb  \r\nc\u{0}d\u{7}\u{7F}\r\rE\u{0B}f\u{0C}g \n\n"
        #expect(SwiftText.lines(text) == ["A    b", "cd", "", "E", "f", "g"])
        #expect(SwiftText.asciiLines(text) == ["A    b", "cd", "", "E", "f", "g"])
        // The same with é: only the character-by-character path applies, and NEL and U+2028 break too.
        let accented = "\n  \né\tb  \r\nc\u{0}d\u{7}\u{7F}\r\rE\u{0B}f\u{0C}g \u{85}h\u{2028}i\n\n"
        #expect(SwiftText.asciiLines(accented) == nil)
        #expect(SwiftText.lines(accented) == ["é    b", "cd", "", "E", "f", "g", "h", "i"])
        #expect(SwiftText.lines("") == [])
        #expect(SwiftText.lines(" \t \n\r\n") == [])
    }

    /// The ASCII path copies a line of printable characters as it is and filters one with a tab or a control
    /// character: spaces left before a dropped control character or made of a trailing tab are trimmed too, a
    /// line of spaces alone becomes empty, and a text without any break is one line.
    @Test func asciiLinesTrimWhatFilteringLeaves() {
        let text = "a \u{1}\nb\t\r\n   \n c d \n\u{7F}"
        #expect(SwiftText.asciiLines(text) == ["a", "b", "", " c d"])
        #expect(SwiftText.lines(text) == ["a", "b", "", " c d"])
        #expect(SwiftText.asciiLines("one line  ") == ["one line"])
        #expect(SwiftText.asciiLines("x\r") == ["x"])
        #expect(SwiftText.asciiLines("x\u{E9}") == nil)
    }

    @Test func wrapBreaksLongLinesAtSpaces() {
        let word = String(repeating: "w", count: 30)
        // 4 words of 30 and 3 spaces: 123 characters; the fourth word goes to a second line.
        let line = [word, word, word, word].joined(separator: " ")
        #expect(SwiftText.wrap([line]) == ["\(word) \(word) \(word)", word])
        // A list item's continuation is indented by its indentation and two spaces.
        #expect(
            SwiftText.wrap(["  - " + line]) == ["  - \(word) \(word) \(word)", "    \(word)"])
        // Exactly 100 characters stay whole; a word longer than a line stays whole on its own line.
        let hundred = String(repeating: "x", count: 49) + " " + String(repeating: "y", count: 50)
        #expect(SwiftText.wrap([hundred]) == [hundred])
        let long = String(repeating: "z", count: 120)
        #expect(SwiftText.wrap(["a " + long + " b"]) == ["a", long, "b"])
        // Code fences, tables and headings are left alone; the fence is toggled by its opening and closing lines.
        #expect(
            SwiftText.wrap(["```", line, "```", "| " + line, "# " + line]) == [
                "```", line, "```", "| " + line, "# " + line,
            ])
        #expect(SwiftText.wrap(["```", "```", line]) == ["```", "```", "\(word) \(word) \(word)", word])
    }

    @Test func wrapCountsCharactersNotBytesBeyondASCII() {
        // é is two bytes and one character: 4 words of 30 characters (60 bytes) wrap exactly as in ASCII.
        let word = String(repeating: "é", count: 30)
        let line = [word, word, word, word].joined(separator: " ")
        #expect(SwiftText.wrap([line]) == ["\(word) \(word) \(word)", word])
        // 100 characters (150 bytes) stay whole.
        let hundred = String(repeating: "é", count: 49) + " " + String(repeating: "x", count: 50)
        #expect(SwiftText.wrap([hundred]) == [hundred])
    }

    @Test func literalContentEscapesOnlyWhatItMust() {
        // Printable ASCII without a backslash or quote is returned as it is.
        #expect(SwiftText.literalContent("a b/c{d}~") == "a b/c{d}~")
        #expect(SwiftText.literalContent("") == "")
        // Quotes, backslashes, control characters and line separators are escaped; other text is kept.
        #expect(
            SwiftText.literalContent("a\"b\\c\n\t\u{1F}\u{7F}é\u{2028}")
                == "a\\\"b\\\\c\\n\\t\\u{1F}\\u{7F}é\\u{2028}")
    }
}
