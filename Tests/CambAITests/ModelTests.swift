import CambAI
import Foundation
import Testing

/// Behaviour of the generated models, with values taken from openapi.yaml and Tests/Fixtures/seed.
@Suite struct LanguagesTests {
    @Test func listsEveryIDOfTheDocument() {
        // openapi.yaml lists 1 to 150 without 137 and 138 (shared/seed/README.md).
        let expected = Set(1...150).subtracting([137, 138])
        #expect(Languages.documentedCases.count == 148)
        #expect(Set(Languages.documentedCases.map(\.rawValue)) == expected)
        #expect(Languages.documentedCases.allSatisfy { $0.isDocumented })
    }

    /// `CaseIterable` lists the documented ids (148 of them), never an undocumented value.
    @Test func allCasesAreTheDocumentedCases() {
        #expect(Languages.allCases.count == 148)
        #expect(Languages.allCases.first == .enUS)
        #expect(Languages.allCases.last == .arXA)  // 150, the last value of the document's enum
        #expect(AudioOutputType.allCases.map(\.rawValue) == ["flac", "wav", "mp3", "aac"])
    }

    @Test func casesAreNamedAfterTheirLocaleTags() {
        #expect(Languages.enUS.rawValue == 1)
        #expect(Languages.afZA.rawValue == 2)
        #expect(Languages.filPH.rawValue == 72)
        #expect(Languages.zhCN.rawValue == 139)
        #expect(Languages.zhCNHenan.rawValue == 140)
        #expect(Languages.arXA.rawValue == 150)
        #expect(Languages(rawValue: 1) == .enUS)
        #expect(Languages.defaultValue == .enUS)  // `default: 1`
    }

    /// Every id listed in camb-languages.tsv and in the document has the case named by its tag:
    /// the language in lowercase, two-letter regions in capitals, other subtags capitalised.
    @Test func everyCaseNameFollowsTheLanguageTable() throws {
        let table = try String(contentsOf: seedURL("camb-languages.tsv"), encoding: .utf8)
        var checked = 0
        // The first line says where the copy came from, the second names the columns.
        for line in table.split(separator: "\n").filter({ !$0.hasPrefix("#") }).dropFirst() {
            let fields = line.split(separator: "\t")
            let id = Int(fields[0])!
            let tag = fields[1].split(separator: "-").map(String.init)
            let expectedName =
                tag[0]
                + tag.dropFirst().map { $0.count == 2 ? $0.uppercased() : $0.prefix(1).uppercased() + $0.dropFirst() }
                .joined()
            let value = Languages(rawValue: id)
            if id == 137 || id == 138 || id > 150 {
                #expect(!value.isDocumented, "id \(id) is not in openapi.yaml")
                continue
            }
            #expect(String(describing: value) == expectedName, "id \(id)")
            checked += 1
        }
        #expect(checked == 148)
    }

    @Test func unknownIDIsKeptAndEncodedBack() throws {
        let value = try decode(Languages.self, "151")
        #expect(value == .undocumented(151))
        #expect(value.rawValue == 151)
        #expect(!value.isDocumented)
        #expect(try encode(value) == "151")
    }
}

@Suite struct OutputFormatTests {
    typealias OutputFormat = DubbedOutputInAltFormatRequestPayloadOutputFormat

    @Test func videoAndAudioStringsDecodeToTheirMembers() throws {
        #expect(try decode(OutputFormat.self, #""mp4""#) == .videoOutputTypeWithoutAVI(.mp4))
        #expect(try decode(OutputFormat.self, #""flac""#) == .audioOutputType(.flac))
        #expect(try decode(OutputFormat.self, #""mkv""#) == .videoOutputTypeWithoutAVI(.mkv))
        #expect(try decode(OutputFormat.self, #""aac""#) == .audioOutputType(.aac))
    }

    @Test func encodingGivesBackTheExactString() throws {
        #expect(try encode(OutputFormat.videoOutputTypeWithoutAVI(.mp4)) == #""mp4""#)
        #expect(try encode(OutputFormat.audioOutputType(.flac)) == #""flac""#)
        #expect(try encode(try decode(OutputFormat.self, #""mov""#)) == #""mov""#)
    }

    @Test func unknownStringIsKeptAndEncodedUnchanged() throws {
        let value = try decode(OutputFormat.self, #""m4a""#)
        // Neither enum lists it; both accept it loosely, so the tie goes to the first member.
        #expect(value == .audioOutputType(.undocumented("m4a")))
        #expect(try encode(value) == #""m4a""#)
    }

    @Test func nonStringIsADecodingError() {
        #expect(throws: DecodingError.self) { try decode(OutputFormat.self, "5") }
    }

    @Test func requestPayloadCarriesTheChosenString() throws {
        let payload = DubbedOutputInAltFormatRequestPayload(outputFormat: .videoOutputTypeWithoutAVI(.mp4))
        #expect(try encode(payload) == #"{"output_format":"mp4"}"#)
    }
}

@Suite struct ResponseUnionTests {
    typealias Response = GetDubbedOutputInAltFormatResponse

    @Test func taskIDPayloadIsTheTask() throws {
        let value = try decode(Response.self, #"{"task_id":"t-1"}"#)
        guard case .taskID(let task) = value else {
            Issue.record("expected .taskID, got \(value)")
            return
        }
        #expect(task.taskID == "t-1")
        #expect(task.additionalProperties.isEmpty)
    }

    @Test func outputURLPayloadIsTheFile() throws {
        let value = try decode(Response.self, #"{"output_url":"https://example.com/a.mp3"}"#)
        guard case .dubAltFormatResponseBody(let file) = value else {
            Issue.record("expected .dubAltFormatResponseBody, got \(value)")
            return
        }
        #expect(file.outputURL?.absoluteString == "https://example.com/a.mp3")
    }

    /// The documented tie-break: equal fit goes to the member listed first (the file).
    @Test func emptyObjectGoesToTheFirstMember() throws {
        let value = try decode(Response.self, "{}")
        #expect(value == .dubAltFormatResponseBody(DubAltFormatResponseBody()))
        #expect(try encode(value) == "{}")
    }

    @Test func bothFieldsGoToTheFirstMemberAndKeepTheTaskID() throws {
        let text = #"{"output_url":"https://example.com/a.mp3","task_id":"t-2"}"#
        let value = try decode(Response.self, text)
        guard case .dubAltFormatResponseBody(let file) = value else {
            Issue.record("expected .dubAltFormatResponseBody, got \(value)")
            return
        }
        #expect(file.outputURL == URL(string: "https://example.com/a.mp3"))
        #expect(file.additionalProperties["task_id"] == .string("t-2"))
        #expect(try jsonObject(try encode(value)) == (try jsonObject(text)))
    }

    @Test func taskPayloadWithExtraFieldsKeepsThem() throws {
        let text = #"{"task_id":"t-3","eta_seconds":12}"#
        let value = try decode(Response.self, text)
        guard case .taskID(let task) = value else {
            Issue.record("expected .taskID, got \(value)")
            return
        }
        #expect(task.additionalProperties["eta_seconds"] == .integer(12))
        #expect(try jsonObject(try encode(value)) == (try jsonObject(text)))
    }

    @Test func taskIDOfTheWrongTypeIsNotTheTask() throws {
        // `task_id` must be a string; a number does not fit TaskID, so the file member takes the object.
        let value = try decode(Response.self, #"{"task_id":7}"#)
        guard case .dubAltFormatResponseBody(let file) = value else {
            Issue.record("expected .dubAltFormatResponseBody, got \(value)")
            return
        }
        #expect(file.additionalProperties["task_id"] == .integer(7))
    }
}

@Suite struct ValidationErrorTests {
    @Test func locationRoundTrips() throws {
        let text = #"{"loc":["body",0],"msg":"field required","type":"missing"}"#
        let value = try decode(ValidationError.self, text)
        #expect(value.loc == [.string("body"), .integer(0)])
        #expect(value.msg == "field required")
        #expect(value.type == "missing")
        #expect(try encode(value) == text)
    }

    @Test func fastAPIValidationBodyDecodes() throws {
        let text = """
            {"detail":[{"type":"enum","loc":["body","output_format"],"msg":"Input should be 'flac', 'wav', 'mp3' or 'aac'",\
            "input":"m4a","ctx":{"expected":"'flac', 'wav', 'mp3' or 'aac'"}},\
            {"type":"int_parsing","loc":["path","run_id"],"msg":"Input should be a valid integer","input":"x"}]}
            """
        let value = try decode(HTTPValidationError.self, text)
        let detail = try #require(value.detail)
        #expect(detail.count == 2)
        #expect(detail[0].loc == [.string("body"), .string("output_format")])
        #expect(detail[0].additionalProperties["input"] == .string("m4a"))
        #expect(
            detail[0].additionalProperties["ctx"] == .object(["expected": .string("'flac', 'wav', 'mp3' or 'aac'")]))
        #expect(detail[1].loc == [.string("path"), .string("run_id")])
        #expect(detail[1].type == "int_parsing")
        #expect(try jsonObject(try encode(value)) == (try jsonObject(text)))
    }

    @Test func missingRequiredFieldIsADecodingError() {
        #expect(throws: DecodingError.self) { try decode(ValidationError.self, #"{"loc":[],"msg":"x"}"#) }
    }
}

/// A file of `Tests/Fixtures/seed/`: copies of the project's seed material, so that a clone tests on its own.
func seedURL(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seed/\(name)")
}
