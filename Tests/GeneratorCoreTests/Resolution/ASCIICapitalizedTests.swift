import Testing

@testable import GeneratorCore

/// The byte-by-byte capitalisation of ASCII words gives what the general one gives.
@Suite struct ASCIICapitalizedTests {
    @Test func asciiWords() {
        let expected: [(String, String)] = [
            ("pet", "Pet"), ("Pet", "Pet"), ("pET", "PET"), ("id", "ID"), ("Url", "URL"), ("ids", "IDs"),
            ("URLS", "URLs"), ("uuids", "UUIDs"), ("s", "S"), ("2fa", "2fa"), ("x", "X"), ("", ""),
            ("status", "Status"),
            ("apis", "APIs"), ("io", "IO"), ("ios", "IOs"),
        ]
        for (word, capitalized) in expected {
            #expect(SwiftNamer.capitalized(word) == capitalized, "\(word)")
            #expect(SwiftNamer.asciiCapitalized(word) == capitalized, "\(word)")
        }
        // Not ASCII, or a carriage return: the general path.
        #expect(SwiftNamer.asciiCapitalized("émile") == nil)
        #expect(SwiftNamer.asciiCapitalized("a\r\nb") == nil)
        #expect(SwiftNamer.capitalized("émile") == "Émile")
    }
}
