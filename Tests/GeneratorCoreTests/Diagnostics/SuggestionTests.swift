import Testing

@testable import GeneratorCore

@Suite struct SuggestionTests {
    @Test(
        arguments: [
            // (name, candidates, expected)
            // One deletion; 'Pets' is one substitution as well: the tie goes to the first by name.
            ("Pett", ["Pet", "Pets", "Owner"], "Pet"),
            ("operationID", ["operationId", "parameters"], "operationId"),  // a case difference alone is nearest
            ("qeury", ["path", "query", "header", "cookie"], "query"),  // a transposition is one edit
            ("modulName", ["moduleName", "enumCaseNames"], "moduleName"),
            ("Zebra", ["Pet", "Owner"], nil),  // nothing near
            ("Pet", ["Pet", "Pat"], nil),  // the name itself exists: nothing to suggest
            ("ab", ["xy"], nil),  // two edits on a short name are too many
        ] as [(String, [String], String?)])
    func nearest(_ name: String, _ candidates: [String], _ expected: String?) {
        #expect(Suggestion.nearest(to: name, among: candidates) == expected)
    }

    @Test func editDistances() {
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("ca", "ac") == 1)
        #expect(Suggestion.editDistance("Pet", "Pet") == 0)
    }
}
