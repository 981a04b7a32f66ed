import Testing

@testable import GeneratorCore

/// `JSONPointer` hashes one 64-bit FNV-1a digest of its tokens, kept with them and extended by `appending`.
/// Expected digests are FNV-1a 64 (offset basis 0xcbf29ce484222325, prime 0x100000001b3) of the tokens' bytes, each
/// token followed by 0xFF, computed outside the generator (FNV-1a of "a" alone is the published 0xaf63dc4c8601ec8c).
@Suite struct JSONPointerDigestTests {
    @Test func digestsAreFNV1aOfTheTokensEachFollowedByFF() {
        #expect(JSONPointer().digest == 0xcbf2_9ce4_8422_2325)
        #expect(JSONPointer(["a"]).digest == 0x089b_c907_b544_c769)
        #expect(JSONPointer(["components", "schemas"]).digest == 0xddb6_8e32_5355_ea7f)
    }

    @Test func appendingExtendsTheDigestLikeBuildingFromAllTokens() {
        let built = JSONPointer(["components"]).appending("schemas").appending("Pet").appending(0)
        let whole = JSONPointer(["components", "schemas", "Pet", "0"])
        #expect(built.digest == whole.digest)
        #expect(built == whole)
        #expect(built.hashValue == whole.hashValue)
        #expect(JSONPointer(fragment: "#/components/schemas/Pet") == JSONPointer(["components", "schemas", "Pet"]))
        #expect(JSONPointer(fragment: "#/paths/~1pets/get")?.digest == 0x279c_6418_97ae_c5a9)
    }

    @Test func tokenBoundariesCount() {
        #expect(JSONPointer(["ab", "c"]) != JSONPointer(["a", "bc"]))
        #expect(JSONPointer(["ab", "c"]).digest != JSONPointer(["a", "bc"]).digest)
        #expect(JSONPointer(["a", ""]) != JSONPointer(["a"]))
        #expect(Set([JSONPointer(["ab", "c"]), JSONPointer(["a", "bc"]), JSONPointer(["ab", "c"])]).count == 2)
    }

    @Test func canonicallyEquivalentTokensAreEqualAndHashAlike() {
        // Swift's strings compare by canonical equivalence; pointers made of such tokens are one dictionary key.
        let composed = JSONPointer(["Caf\u{E9}"])
        let decomposed = JSONPointer(["Cafe\u{301}"])
        #expect(composed == decomposed)
        #expect(composed.hashValue == decomposed.hashValue)
        let kelvin = JSONPointer(["\u{212A}"])  // KELVIN SIGN, canonically the letter K
        #expect(kelvin == JSONPointer(["K"]))
        #expect(Set([composed, decomposed, kelvin, JSONPointer(["K"])]).count == 2)
    }

    @Test func settingTokensRecomputesTheDigest() {
        var pointer = JSONPointer(["a"])
        pointer.tokens = ["components", "schemas"]
        #expect(pointer.digest == 0xddb6_8e32_5355_ea7f)
        #expect(pointer == JSONPointer(["components", "schemas"]))
    }
}
