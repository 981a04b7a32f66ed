import Testing

@testable import GeneratorCore

/// The byte-by-byte readings of media types and paths give what the character-by-character ones give, and text
/// they do not read (not ASCII, or a carriage return) takes the general path.
@Suite struct MediaTypeAndPathFastPathTests {
    static let mediaTypes: [(String, String)] = [
        ("application/json", "application/json"),
        // Its own base (returned as it is), and nearly so: a blank at either end, a parameter, a capital.
        ("application/vnd.github.v3+json", "application/vnd.github.v3+json"),
        ("text/plain ", "text/plain"),
        ("\ttext/plain", "text/plain"),
        ("a/b;", "a/b"),
        ("image/PNG", "image/png"),
        ("Application/JSON; charset=utf-8", "application/json"),
        (" \ttext/plain \t; q=1", "text/plain"),
        // Empty pieces are skipped: the first piece that is not empty is the base.
        (";;multipart/form-data", "multipart/form-data"),
        ("", ""),
        (";", ""),
        (" ; x", ""),
        // Line breaks are not whitespace here.
        ("application/json\r\n", "application/json\r\n"),
        // Not ASCII: Foundation trims Unicode's spaces (a no-break space) too.
        ("Application/Café+JSON ; x", "application/café+json"),
        ("\u{A0}Text/HTML", "text/html"),
    ]

    @Test(arguments: mediaTypes) func baseMediaType(_ mediaType: String, _ expected: String) {
        #expect(ModuleResolver.baseMediaType(mediaType) == expected)
        let isASCII = mediaType.utf8.allSatisfy { $0 < 0x80 }
        #expect(ModuleResolver.asciiBaseMediaType(mediaType) == (isASCII ? expected : nil))
    }

    @Test func mediaTypeKinds() {
        #expect(IR.BodyEncoding(mediaType: "Application/Problem+JSON; x=1") == .json)
        #expect(IR.BodyEncoding(mediaType: " application/x-www-form-urlencoded") == nil)
        #expect(IR.BodyEncoding(mediaType: "TEXT/csv") == .text)
        #expect(IR.BodyEncoding(mediaType: "image/png") == .binary)
        #expect(IR.Stream.Kind(mediaType: "Text/Event-Stream; charset=utf-8") == .serverSentEvents)
        #expect(IR.Stream.Kind(mediaType: "application/x-ndjson") == .jsonLines)
        #expect(IR.Stream.Kind(mediaType: "application/json") == nil)
        #expect(ModuleResolver.isFormMediaType("Application/X-WWW-Form-URLEncoded;charset=utf-8"))
    }

    static let paths: [(String, String?)] = [
        ("/users/{user_id}/posts", "_users__user_id__posts"),
        ("/a-b.c/~d", "_a_b_c__d"),
        ("/v2/Items", "_v2_Items"),
        ("", ""),
        ("/café", nil),
        ("/a\r\nb", nil),
    ]

    @Test(arguments: paths) func pathFormat(_ path: String, _ expected: String?) {
        #expect(ModuleResolver.asciiPathFormat(path) == expected)
        if let expected {
            // The general reading, by characters, agrees.
            #expect(String(path.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" }) == expected)
        }
    }
}
