import Testing

@testable import GeneratorCore

/// `NameScope` keeps its reserved names apart from the names it hands out, lowercases ASCII byte by byte, and
/// `SwiftNamer.asciiMemberName(of:)` names ASCII words byte by byte; the expected values below are worked out by hand
/// from the rules (suffixes from 2 up, keys in lowercase when the scope ignores case, backticks not part of a key).
@Suite struct NameScopeTests {
    /// A case-insensitive scope (the module's types, whose files must stay distinct on macOS): names that differ
    /// only in letter case clash, in ASCII and beyond it; the reserved names clash in any case too.
    @Test func caseInsensitiveClashes() {
        var scope = NameScope(reserved: ["Client", "JSONValue"], caseInsensitive: true)
        #expect(scope.claim("client") == "client2")
        #expect(scope.claim("CLIENT") == "CLIENT3")
        #expect(scope.claim("jsonvalue") == "jsonvalue2")
        #expect(scope.claim("Pet") == "Pet")
        #expect(scope.claim("pet") == "pet2")
        #expect(scope.claim("PET2") == "PET22")  // `pet2` is taken, so `PET2` gets the next suffix of its own
        // Beyond ASCII, Unicode's lowercase: `Ä` and `ä` clash; `ß` is not `SS`, and `İ` (U+0130) lowercases to
        // `i` and U+0307, so it is not `I`.
        #expect(scope.claim("Ärger") == "Ärger")
        #expect(scope.claim("ärger") == "ärger2")
        #expect(scope.claim("SS") == "SS")
        #expect(scope.claim("ß") == "ß")
        #expect(scope.claim("I") == "I")
        #expect(scope.claim("İ") == "İ")
        #expect(scope.claim("i") == "i2")
        #expect(scope.contains("ÄRGER"))
        #expect(scope.contains("client"))
        #expect(!scope.contains("Dog"))
    }

    /// A case-sensitive scope (a type's members): only the same spelling clashes, a keyword's backticks are not part
    /// of its key, and a name in backticks gets its suffix without them.
    @Test func caseSensitiveClashesAndBackticks() {
        var scope = NameScope(reserved: ["rawValue"])
        scope.reserveCapacity(8)
        #expect(scope.claim("rawvalue") == "rawvalue")
        #expect(scope.claim("rawValue") == "rawValue2")
        #expect(scope.claim("`default`") == "`default`")
        #expect(scope.contains("default"))
        #expect(scope.claim("default") == "default2")
        #expect(scope.claim("`default`") == "default3")
        #expect(scope.claim("Ärger") == "Ärger")
        #expect(scope.claim("ärger") == "ärger")
    }

    /// Scopes made from one reserved set (every struct's members start from the same constant set) do not see each
    /// other's claims, and the set itself is unchanged.
    @Test func scopesFromOneReservedSetStayApart() {
        let reserved: Set<String> = ["hashValue"]
        var first = NameScope(reserved: reserved)
        var second = NameScope(reserved: reserved)
        #expect(first.claim("name") == "name")
        #expect(first.claim("name") == "name2")
        #expect(second.claim("name") == "name")
        #expect(!second.contains("name2"))
        #expect(second.claim("hashValue") == "hashValue2")
        #expect(reserved == ["hashValue"])
    }

    /// A claim with the name's lowercase made by the caller is the same claim.
    @Test func claimWithItsLowercase() {
        var scope = NameScope(reserved: ["Client"], caseInsensitive: true)
        #expect(scope.claim("Pet", lowercased: "pet") == "Pet")
        #expect(scope.claim("PET", lowercased: "pet") == "PET2")
        #expect(scope.claim("pet") == "pet3")
        #expect(scope.claim("CLIENT", lowercased: "client") == "CLIENT2")
        #expect(scope.contains("Pet2"))
        // In a scope that keeps case, the lowercase is not the key: the name is claimed as it is.
        var members = NameScope()
        #expect(members.claim("Pet", lowercased: "pet") == "Pet")
        #expect(members.claim("pet", lowercased: "pet") == "pet")
    }

    @Test func lowercased() {
        #expect(NameScope.lowercased("PetStore") == "petstore")
        #expect(NameScope.lowercased("pet_store-2") == "pet_store-2")
        #expect(NameScope.lowercased("") == "")
        #expect(NameScope.lowercased("@[AZaz`{") == "@[azaz`{")  // the bytes around `A`...`Z` stay as they are
        #expect(NameScope.lowercased("ÄRGER") == "ärger")
        #expect(NameScope.lowercased("İ") == "i\u{307}")
    }

    /// The byte-by-byte member names of ASCII words, each worked out from the rules: the first word in lowercase
    /// when it is capitals and digits or an acronym (or an acronym's plural), else its first letter in lowercase;
    /// the other words capitalised (acronyms in capitals); `_` before a leading digit.
    @Test func asciiMemberNames() {
        let expected: [([String], String)] = [
            (["run", "id"], "runID"),
            (["HTTP", "Proxy"], "httpProxy"),
            (["URL", "Path"], "urlPath"),
            (["Ids", "list"], "idsList"),
            (["Pet", "Store"], "petStore"),
            (["pET"], "pET"),
            (["3d", "model"], "_3dModel"),
            (["3D"], "_3d"),
            (["minus", "1"], "minus1"),
            (["A"], "a"),
            (["user", "ids"], "userIDs"),
            (["Json", "urls"], "jsonURLs"),
        ]
        for (words, name) in expected {
            #expect(SwiftNamer.asciiMemberName(of: words) == name, "\(words)")
        }
        // A first word whose letters but the last are an acronym counts as one (`ipv` → `ip`), as in the general rule.
        #expect(SwiftNamer.asciiMemberName(of: ["IPv", "Address"]) == "ipvAddress")
        #expect(SwiftNamer.asciiMemberName(of: ["Apiary"]) == "apiary")
        // Through the namer: ASCII names take this path, others the general one.
        #expect(SwiftNamer.computeUnescapedMemberName(for: "3d_model", spellingSigns: false) == "_3dModel")
        #expect(SwiftNamer.computeUnescapedMemberName(for: "GMT-1", spellingSigns: true) == "gmtMinus1")
        #expect(SwiftNamer.computeUnescapedMemberName(for: "Ümlaut_value", spellingSigns: false) == "ümlautValue")
    }

    /// The byte-by-byte type names of ASCII words: each word capitalised, acronyms (up to five letters) in capitals
    /// and their plurals with a lowercase `s`, `_` before a leading digit.
    @Test func asciiTypeNames() {
        let expected: [([String], String)] = [
            (["dub", "alt", "format"], "DubAltFormat"),
            (["Task", "ID"], "TaskID"),
            (["pet", "store"], "PetStore"),
            (["user", "ids"], "UserIDs"),
            (["URLS"], "URLs"),
            (["https", "proxy"], "HTTPSProxy"),
            (["asciis"], "ASCIIs"),
            (["s"], "S"),
            (["httpsx"], "Httpsx"),
            (["3d", "model"], "_3dModel"),
            (["minus", "1"], "Minus1"),
            (["a2b"], "A2b"),
        ]
        for (words, name) in expected {
            #expect(SwiftNamer.asciiTypeName(of: words) == name, "\(words)")
        }
        #expect(SwiftNamer.computeTypeName(for: "get_user_ids") == "GetUserIDs")
        #expect(SwiftNamer.computeTypeName(for: "2fa-codes") == "_2faCodes")
        #expect(SwiftNamer.computeTypeName(for: "école") == "École")
        // No letter or digit: spelled by the Unicode names of its characters (U+002D is HYPHEN-MINUS).
        #expect(SwiftNamer.computeTypeName(for: "--") == "HyphenMinusHyphenMinus")
        #expect(SwiftNamer.computeTypeName(for: "") == "Unnamed")
    }
}
