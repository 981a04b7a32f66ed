import Testing

@testable import GeneratorCore

/// The quick look for a `\uD…`/`\ud…` escape that decides whether a JSON document needs its surrogate pairs
/// rewritten: it finds one anywhere, up to the last three bytes, and nothing else.
@Suite struct SurrogateScanTests {
    @Test func findsSurrogateEscapesOnly() {
        func scan(_ text: String) -> Bool { SurrogatePairs.containsSurrogateEscape(Array(text.utf8)) }
        #expect(scan(#"\ud"#))
        #expect(scan(#"abc\uD8"#))
        #expect(scan(#"{"a": "\n\t\\ \ud83d\udc4d"}"#))
        #expect(scan(#"xx\u0041 \uDc"#))
        #expect(!scan(""))
        #expect(!scan(#"\"#))
        #expect(!scan(#"\u"#))
        #expect(!scan(#"\ue000 \u0041 \n \\"#))
        #expect(!scan(#"ud83d \x"#))
        #expect(!scan("no escapes at all"))
    }
}
