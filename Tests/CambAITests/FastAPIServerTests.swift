import CambAI
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The client against a real FastAPI application (`Tests/Server/app.py`) built from the document's models, the
/// way the published service is: real pydantic validation errors, FastAPI's own API-key check, both 200 shapes.
///
/// It needs Python with the packages of `Tests/Server/requirements.txt`, so it runs only when `CAMBAI_FASTAPI=1`
/// (`.ci/run` installs them and sets it); then a server that cannot start fails the suite. The expected values
/// are those of `app.py`'s docstring and of FastAPI 0.165 / pydantic 2.13 as pinned, read off the server with
/// curl, independently of this client.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["CAMBAI_FASTAPI"] == "1",
        "set CAMBAI_FASTAPI=1, with Tests/Server/requirements.txt installed, to run the client against FastAPI"),
    .fastAPIServer
)
struct FastAPIServerTests {
    static let validKey = "sk-test-valid"

    func client(apiKey: String? = validKey) throws -> CambAIClient {
        let server = try #require(FastAPIServer.current)
        return CambAIClient(apiKey: apiKey, serverURL: server.url, timeout: .seconds(30))
    }

    /// Calls the operation and returns the error it throws, recording an issue when it returns instead.
    func failure(
        apiKey: String? = validKey, runID: Int = 42, language: Languages = .enUS,
        outputFormat: DubbedOutputInAltFormatRequestPayloadOutputFormat = .audioOutputType(.mp3)
    ) async throws -> CambAIError? {
        let client = try client(apiKey: apiKey)
        do {
            let result = try await client.getDubbedOutputInAltFormat(
                runID: runID, language: language, outputFormat: outputFormat)
            Issue.record("expected an error, got \(result)")
            return nil
        } catch {
            return error
        }
    }

    func detailText(_ response: CambAIResponse) throws -> String? {
        let object = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        return object["detail"] as? String
    }

    @Test func theServerServesTheDocumentsModels() async throws {
        let server = try #require(FastAPIServer.current)
        let (data, _) = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(server.port)/openapi.json")!)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: [String: Any]])
        // openapi.yaml: Languages is 1...136 and 139...150; the two string enums; output_format is anyOf both.
        let languages = schemas["Languages"]?["enum"] as? [Int]
        let audio = schemas["AudioOutputType"]?["enum"] as? [String]
        let video = schemas["VideoOutputTypeWithoutAVI"]?["enum"] as? [String]
        #expect(languages == Array(1...136) + Array(139...150))
        #expect(audio == ["flac", "wav", "mp3", "aac"])
        #expect(video == ["mkv", "mp4", "mov"])
        let payload = try #require(schemas["DubbedOutputInAltFormatRequestPayload"])
        let required = payload["required"] as? [String]
        #expect(required == ["output_format"])
        let outputFormat = (payload["properties"] as? [String: [String: Any]])?["output_format"]
        let members = (outputFormat?["anyOf"] as? [[String: String]])?.map { $0["$ref"] ?? "" }
        #expect(
            members == ["#/components/schemas/AudioOutputType", "#/components/schemas/VideoOutputTypeWithoutAVI"])
        let scheme = (components["securitySchemes"] as? [String: [String: String]])?["APIKeyHeader"]
        #expect(scheme == ["type": "apiKey", "in": "header", "name": "x-api-key"])
    }

    @Test func anExportedRunGivesTheFile() async throws {
        let result = try await client().getDubbedOutputInAltFormat(
            runID: 42, language: .enUS, outputFormat: .audioOutputType(.mp3))
        #expect(
            result
                == .dubAltFormatResponseBody(
                    DubAltFormatResponseBody(outputURL: URL(string: "https://storage.camb.test/42/1.mp3")!)))
    }

    @Test func anotherRunGivesATaskID() async throws {
        // frFR is id 76 in the overlay's names (the 76th entry of the document's Languages).
        let result = try await client().getDubbedOutputInAltFormat(
            runID: 4200, language: .frFR, outputFormat: .videoOutputTypeWithoutAVI(.mov))
        #expect(result == .taskID(TaskID(taskID: "export-4200-76-mov")))
    }

    @Test func everyDocumentedFormatIsAccepted() async throws {
        let formats =
            AudioOutputType.documentedCases.map {
                DubbedOutputInAltFormatRequestPayloadOutputFormat.audioOutputType($0)
            }
            + VideoOutputTypeWithoutAVI.documentedCases.map { .videoOutputTypeWithoutAVI($0) }
        var urls: [String] = []
        for format in formats {
            let result = try await client().getDubbedOutputInAltFormat(runID: 7, language: .deDE, outputFormat: format)
            guard case .dubAltFormatResponseBody(let file) = result else {
                Issue.record("expected the file for \(format), got \(result)")
                continue
            }
            urls.append(file.outputURL?.absoluteString ?? "")
        }
        #expect(
            urls == ["flac", "wav", "mp3", "aac", "mkv", "mp4", "mov"].map { "https://storage.camb.test/7/31.\($0)" })
    }

    @Test func anUndocumentedLanguageIsPydanticsEnumError() async throws {
        let error = try await failure(language: .undocumented(137))
        guard
            case .documented(GetDubbedOutputInAltFormatFailure.unprocessableContent(let validation), let response)? =
                error
        else {
            Issue.record("expected .documented(.unprocessableContent), got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 422)
        let detail = try #require(validation.detail)
        #expect(detail.count == 1)
        let problem = try #require(detail.first)
        #expect(problem.loc == [.string("path"), .string("language")])
        #expect(problem.type == "enum")
        let expected = (Array(1...136) + Array(139...149)).map(String.init).joined(separator: ", ") + " or 150"
        #expect(problem.msg == "Input should be \(expected)")
        // Undeclared by the document, kept: the input as the path carried it (text), and pydantic's context.
        // FastAPI 0.165 leaves out pydantic's `url` (FastAPI's `include_url=False`); nothing else arrives.
        #expect(Set(problem.additionalProperties.keys) == ["input", "ctx"])
        #expect(problem.additionalProperties["input"] == .string("137"))
        #expect(problem.additionalProperties["ctx"] == .object(["expected": .string(expected)]))
        #expect(problem.additionalProperties["url"] == nil)
    }

    @Test func anUndocumentedFormatFailsBothUnionMembers() async throws {
        let error = try await failure(outputFormat: .audioOutputType(.undocumented("avi")))
        guard case .documented(GetDubbedOutputInAltFormatFailure.unprocessableContent(let validation), _)? = error
        else {
            Issue.record("expected .documented(.unprocessableContent), got \(String(describing: error))")
            return
        }
        let detail = try #require(validation.detail)
        #expect(detail.count == 2)
        // pydantic names each member of the Union in the location, as `str-enum[<class>]`.
        #expect(
            detail.map(\.loc) == [
                [.string("body"), .string("output_format"), .string("str-enum[AudioOutputType]")],
                [.string("body"), .string("output_format"), .string("str-enum[VideoOutputTypeWithoutAVI]")],
            ])
        #expect(detail.map(\.type) == ["enum", "enum"])
        #expect(
            detail.map(\.msg) == [
                "Input should be 'flac', 'wav', 'mp3' or 'aac'", "Input should be 'mkv', 'mp4' or 'mov'",
            ])
        #expect(detail.map { $0.additionalProperties["input"] } == [.string("avi"), .string("avi")])
        #expect(
            detail.map { $0.additionalProperties["ctx"] } == [
                .object(["expected": "'flac', 'wav', 'mp3' or 'aac'"]), .object(["expected": "'mkv', 'mp4' or 'mov'"]),
            ])
    }

    @Test func everyProblemOfOneRequestIsReportedPathFirst() async throws {
        let error = try await failure(
            language: .undocumented(138), outputFormat: .videoOutputTypeWithoutAVI(.undocumented("avi")))
        guard case .documented(GetDubbedOutputInAltFormatFailure.unprocessableContent(let validation), _)? = error
        else {
            Issue.record("expected .documented(.unprocessableContent), got \(String(describing: error))")
            return
        }
        #expect(
            validation.detail?.map(\.loc) == [
                [.string("path"), .string("language")],
                [.string("body"), .string("output_format"), .string("str-enum[AudioOutputType]")],
                [.string("body"), .string("output_format"), .string("str-enum[VideoOutputTypeWithoutAVI]")],
            ])
        #expect(validation.detail?.first?.additionalProperties["input"] == .string("138"))
    }

    @Test func noKeyIsFastAPIsOwn401() async throws {
        let error = try await failure(apiKey: nil)
        guard case .unexpectedStatus(let response)? = error else {
            Issue.record("expected .unexpectedStatus, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 401)
        #expect(response.value(forHeader: "WWW-Authenticate") == "APIKey")
        #expect(try detailText(response) == "Not authenticated")
    }

    @Test func aWrongKeyIs403() async throws {
        // The key is checked before the arguments: a wrong key with a wrong language is still 403.
        let error = try await failure(apiKey: "sk-wrong", language: .undocumented(137))
        guard case .unexpectedStatus(let response)? = error else {
            Issue.record("expected .unexpectedStatus, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 403)
        #expect(try detailText(response) == "Invalid API key")
        #expect(!String(describing: error!).contains("sk-wrong"))
    }

    @Test func anUnknownRunIsAnUndocumented404() async throws {
        let error = try await failure(runID: 404)
        guard case .unexpectedStatus(let response)? = error else {
            Issue.record("expected .unexpectedStatus, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 404)
        #expect(response.value(forHeader: "Content-Type") == "application/json")
        #expect(try detailText(response) == "Run 404 not found")
        #expect(error?.description == "the server answered with undocumented status 404 (30 bytes)")
    }
}
