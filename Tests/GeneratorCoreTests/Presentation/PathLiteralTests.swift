import Testing

@testable import GeneratorCore

/// A path template's literal text is percent-encoded byte by byte, except the characters a path keeps.
@Suite struct PathLiteralTests {
    @Test func otherBytesArePercentEncodedInUppercase() {
        // Space 0x20, é = C3 A9 in UTF-8, { = 0x7B, } = 0x7D; `/`, `%` and the sub-delimiters stay.
        #expect(Presenter.encodePathLiteral("/a b/é{x}%") == "/a%20b/%C3%A9%7Bx%7D%")
        #expect(Presenter.encodePathLiteral("-._~!$&'()*+,;=:@") == "-._~!$&'()*+,;=:@")
        #expect(Presenter.encodePathLiteral("\"?#[]\u{7F}") == "%22%3F%23%5B%5D%7F")
        #expect(Presenter.encodePathLiteral("") == "")
    }
}
