import CambAI
import Foundation
import Testing

/// A member's documented name and description at run time, with values from openapi.overlay.yaml
/// (`x-enum-varnames`, `x-enum-descriptions` and `x-enum-name-property: localeIdentifier` on `Languages`).
@Suite struct DocumentedNamesTests {
    @Test func localeIdentifierIsTheBCP47Tag() {
        #expect(Languages.enUS.localeIdentifier == "en-US")  // id 1
        #expect(Languages.filPH.localeIdentifier == "fil-PH")  // id 72
        #expect(Languages.zhCNHenan.localeIdentifier == "zh-CN-henan")  // id 140
        #expect(Languages.arXA.localeIdentifier == "ar-XA")  // id 150
        #expect(Languages(rawValue: 72).localeIdentifier == "fil-PH")
        #expect(Languages.enUS.documentedName == "en-US")
    }

    @Test func valuesTheDocumentDoesNotListHaveNoName() {
        #expect(Languages(rawValue: 151).localeIdentifier == nil)
        #expect(Languages(rawValue: 137).documentedName == nil)  // 137 and 138 are not in the document's enum
        #expect(Languages(rawValue: 151).documentedDescription == nil)
    }

    @Test func descriptionIsTheTagsEnglishName() {
        #expect(Languages.enUS.documentedDescription == "English (United States)")
        #expect(Languages.filPH.documentedDescription == "Filipino (Philippines)")
        #expect(Languages.zhCNHenan.documentedDescription == "Chinese (China mainland, Henan)")
        #expect(Languages.arXA.documentedDescription == "Arabic (Pseudo-Accents)")
    }

    /// Every documented case has a name and a description (148 of each), and the tag reads back as a `Locale`.
    @Test func everyDocumentedCaseHasANameAndADescription() {
        #expect(Languages.allCases.compactMap(\.localeIdentifier).count == 148)
        #expect(Set(Languages.allCases.compactMap(\.localeIdentifier)).count == 148)
        #expect(Languages.allCases.compactMap(\.documentedDescription).count == 148)
        #expect(Locale(identifier: Languages.enUS.localeIdentifier!).language.languageCode?.identifier == "en")
    }
}

/// A union of enums offers its members' values directly: `.mp3` for `.audioOutputType(.mp3)`.
@Suite struct UnionShortcutTests {
    @Test func shortcutsAreTheMemberValues() throws {
        let mp3: DubbedOutputInAltFormatRequestPayloadOutputFormat = .mp3
        let mp4: DubbedOutputInAltFormatRequestPayloadOutputFormat = .mp4
        #expect(mp3 == .audioOutputType(.mp3))
        #expect(mp4 == .videoOutputTypeWithoutAVI(.mp4))
        // The document's AudioOutputType is flac, wav, mp3, aac; VideoOutputTypeWithoutAVI is mkv, mp4, mov.
        let all: [DubbedOutputInAltFormatRequestPayloadOutputFormat] = [.flac, .wav, .mp3, .aac, .mkv, .mp4, .mov]
        #expect(
            try all.map { try encode($0) } == [
                #""flac""#, #""wav""#, #""mp3""#, #""aac""#, #""mkv""#, #""mp4""#, #""mov""#,
            ])
    }

    @Test func shortcutsTypeCheckAtTheCallSite() async throws {
        let transport = InMemoryTransport { _ in CambAIResponse(statusCode: 200, body: Data(#"{"task_id":"t"}"#.utf8)) }
        let client = CambAIClient(apiKey: "key", transport: transport)
        _ = try await client.getDubbedOutputInAltFormat(runID: 1, language: .enUS, outputFormat: .mp3)
        _ = try await client.getDubbedOutputInAltFormat(runID: 1, language: .enUS, outputFormat: .mp4)
        let bodies = transport.requests.map { String(decoding: $0.body ?? Data(), as: UTF8.self) }
        #expect(bodies == [#"{"output_format":"mp3"}"#, #"{"output_format":"mp4"}"#])
    }
}

/// `localizedDescription` is the error's one-line description, and never carries the API key.
@Suite struct LocalizedErrorTests {
    static let key = "sk-secret-4c1e"

    func error(status: Int, body: String) async -> CambAIError? {
        let transport = InMemoryTransport { _ in CambAIResponse(statusCode: status, body: Data(body.utf8)) }
        let client = CambAIClient(apiKey: Self.key, transport: transport)
        do {
            _ = try await client.getDubbedOutputInAltFormat(runID: 42, language: .enUS, outputFormat: .mp3)
            return nil
        } catch {
            return error
        }
    }

    @Test func unexpectedStatusReadsAsOneLine() async throws {
        let error = try #require(await error(status: 500, body: "internal error"))
        let expected = "the server answered with undocumented status 500 (14 bytes)"
        #expect(error.localizedDescription == expected)
        #expect(error.errorDescription == expected)
        #expect((error as any Error).localizedDescription == expected)
        #expect(!error.localizedDescription.contains(Self.key))
        #expect(!error.localizedDescription.contains("\n"))
    }

    @Test func documentedErrorBodyReadsAsOneLine() async throws {
        let error = try #require(await error(status: 422, body: #"{"detail":[]}"#))
        #expect(error.localizedDescription == "the server answered 422 with a HTTPValidationError")
        #expect(!error.localizedDescription.contains(Self.key))
    }
}
