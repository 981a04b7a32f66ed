import Testing

@testable import GeneratorCore

/// `SwiftNamer.words(in:spellingSigns:)` takes a byte-by-byte path for ASCII names (`asciiWords`) and a
/// character-by-character one for the rest: the same splits, written out by hand, from both.
struct SwiftNamerWordsTests {
    @Test func asciiNamesSplitByteByByte() {
        let cases: [(name: String, spellingSigns: Bool, words: [String])] = [
            ("getHTTPResponse_code", false, ["get", "HTTP", "Response", "code"]),
            ("v2Api", false, ["v2", "Api"]),
            ("mp3_URL", false, ["mp3", "URL"]),
            ("-1", false, ["minus", "1"]),
            ("GMT+1", false, ["GMT", "1"]),
            ("GMT+1", true, ["GMT", "plus", "1"]),
            ("2024-01", true, ["2024", "01"]),
            ("  a..b  ", false, ["a", "b"]),
        ]
        for (name, spellingSigns, words) in cases {
            #expect(SwiftNamer.asciiWords(in: name, spellingSigns: spellingSigns) == words, "\(name)")
            #expect(SwiftNamer.words(in: name, spellingSigns: spellingSigns) == words, "\(name)")
        }
    }

    @Test func otherNamesTakeTheCharacterPath() {
        // No letter or digit: spelled by Unicode names, which only the character path does.
        #expect(SwiftNamer.asciiWords(in: "+", spellingSigns: false) == nil)
        #expect(SwiftNamer.words(in: "+") == ["plus", "sign"])
        // A carriage return and line feed are one character.
        #expect(SwiftNamer.asciiWords(in: "a\r\nB", spellingSigns: false) == nil)
        #expect(SwiftNamer.words(in: "a\r\nB") == ["a", "B"])
        // Non-ASCII letters split at the same case changes as ASCII ones.
        #expect(SwiftNamer.asciiWords(in: "éHTTPRésumé", spellingSigns: false) == nil)
        #expect(SwiftNamer.words(in: "éHTTPRésumé") == ["é", "HTTP", "Résumé"])
        #expect(SwiftNamer.words(in: "eHTTPResume") == ["e", "HTTP", "Resume"])
    }
}
