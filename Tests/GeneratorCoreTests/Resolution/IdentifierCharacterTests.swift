import Testing

@testable import GeneratorCore

/// ASCII characters are classified by value; the classification must stay that of Unicode's properties.
@Suite struct IdentifierCharacterTests {
    @Test func asciiLettersAndDigitsOnly() {
        let expected = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        for value in 0..<128 {
            let character = Character(Unicode.Scalar(UInt8(value)))
            #expect(SwiftNamer.isIdentifierCharacter(character) == expected.contains(character), "\(value)")
            #expect(
                SwiftNamer.isIdentifierCharacter(character) == (character.isLetter || character.isNumber), "\(value)")
        }
        // Other scripts keep their letters and decimal digits; symbols go.
        #expect(SwiftNamer.isIdentifierCharacter("é"))
        #expect(SwiftNamer.isIdentifierCharacter("٣"))
        #expect(!SwiftNamer.isIdentifierCharacter("€"))
    }
}
