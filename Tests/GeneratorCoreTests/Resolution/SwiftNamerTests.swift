import Testing

@testable import GeneratorCore

@Suite struct SwiftNamerTests {
    static let memberNames: [(String, String)] = [
        // snake_case and acronyms
        ("run_id", "runID"),
        ("output_url", "outputURL"),
        ("task_id", "taskID"),
        ("pet_id", "petID"),
        ("id", "id"),
        ("url", "url"),
        ("HTTPProxy", "httpProxy"),
        ("URLPath", "urlPath"),
        ("userIds", "userIDs"),
        ("api_key", "apiKey"),
        // FastAPI operation ids after the generated suffix is removed
        ("get_dubbed_output_in_alt_format", "getDubbedOutputInAltFormat"),
        // dashes, dots, spaces, symbols
        ("x-api-key", "xAPIKey"),
        ("content.type", "contentType"),
        ("first name", "firstName"),
        ("en-US", "enUS"),
        ("zh-CN-henan", "zhCNHenan"),
        ("a+b", "aB"),
        // digits
        ("3dModel", "_3dModel"),
        ("mp3", "mp3"),
        ("1", "_1"),
        // keywords
        ("default", "`default`"),
        ("class", "`class`"),
        ("await", "`await`"),
        ("self", "self_"),
        ("Type", "type"),
        ("init", "init_"),
        // signs before numbers
        ("-1", "minus1"),
        ("+1", "plus1"),
        ("GMT-1", "gmt1"),
        ("BR-27", "br27"),
        ("2024-01", "_202401"),
        // empty, symbols and emoji only: spelled with their Unicode names
        ("", "unnamed"),
        ("🎬", "clapperBoard"),
        ("🙂", "slightlySmilingFace"),
        ("+", "plusSign"),
        // non-ASCII letters are kept
        ("größe", "größe"),
    ]

    static let typeNames: [(String, String)] = [
        ("TaskID", "TaskID"),
        ("HTTPValidationError", "HTTPValidationError"),
        ("RunIDParam", "RunIDParam"),
        ("dub_alt_format", "DubAltFormat"),
        ("pet-store", "PetStore"),
        ("url", "URL"),
        ("3d", "_3d"),
        ("", "Unnamed"),
    ]

    @Test(arguments: memberNames) func memberName(input: String, expected: String) {
        #expect(SwiftNamer().memberName(for: input) == expected)
    }

    @Test(arguments: typeNames) func typeName(input: String, expected: String) {
        #expect(SwiftNamer().typeName(for: input) == expected)
    }

    @Test func signsInsideANameAreSpelledOnRequest() {
        #expect(SwiftNamer().memberName(for: "GMT-1", spellingSigns: true) == "gmtMinus1")
        #expect(SwiftNamer().memberName(for: "GMT+1", spellingSigns: true) == "gmtPlus1")
        #expect(SwiftNamer().memberName(for: "2024-01", spellingSigns: true) == "_202401")
    }

    @Test func scopeSuffixesClashesInOrder() {
        var scope = NameScope(reserved: ["additionalProperties"])
        #expect(scope.claim("name") == "name")
        #expect(scope.claim("name") == "name2")
        #expect(scope.claim("name") == "name3")
        #expect(scope.claim("additionalProperties") == "additionalProperties2")
        #expect(scope.claim("`default`") == "`default`")
        #expect(scope.claim("`default`") == "default2")
    }

    @Test func caseInsensitiveScopeKeepsFileNamesDistinct() {
        var scope = NameScope(caseInsensitive: true)
        #expect(scope.claim("Pet") == "Pet")
        #expect(scope.claim("PET") == "PET2")
    }

    /// Bound: 10,000 claims of one name get the smallest free suffixes in order, skipping a suffixed name
    /// claimed directly, and take linear time (the search resumes at the name's last suffix).
    @Test func scopeSuffixesTenThousandClashesInOrder() {
        var scope = NameScope()
        #expect(scope.claim("x5") == "x5")
        let names = (0..<10_000).map { _ in scope.claim("x") }
        #expect(names == ["x"] + (2...10_001).filter { $0 != 5 }.map { "x\($0)" })
        #expect(scope.claim("x10003") == "x10003")
        #expect(scope.claim("x") == "x10002")
        #expect(scope.claim("x") == "x10004")
    }
}
