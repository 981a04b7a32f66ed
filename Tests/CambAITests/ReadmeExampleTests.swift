import CambAI
import Foundation
import Testing

/// The README's example, compiled and run against an in-memory transport.
@Suite struct ReadmeExampleTests {
    func run(status: Int, body: String) async -> String {
        let transport = InMemoryTransport { _ in CambAIResponse(statusCode: status, body: Data(body.utf8)) }
        let client = CambAIClient(apiKey: "key", transport: transport)
        var printed = ""
        do {
            switch try await client.getDubbedOutputInAltFormat(
                runID: 42, language: .enUS, outputFormat: .mp3)
            {
            case .dubAltFormatResponseBody(let file):
                printed = file.outputURL?.absoluteString ?? ""
            case .taskID(let task):
                printed = task.taskID ?? ""
            }
        } catch .documented(GetDubbedOutputInAltFormatFailure.unprocessableContent(let validation), _) {
            printed = "422: \(validation.detail?.count ?? 0) problems"
        } catch {
            printed = "\(error)"
        }
        return printed
    }

    @Test func everyBranchOfTheExample() async {
        #expect(await run(status: 200, body: #"{"output_url":"https://x.example/a.mp3"}"#) == "https://x.example/a.mp3")
        #expect(await run(status: 200, body: #"{"task_id":"t-1"}"#) == "t-1")
        #expect(await run(status: 422, body: #"{"detail":[]}"#) == "422: 0 problems")
        #expect(await run(status: 500, body: "") == "the server answered with undocumented status 500 (0 bytes)")
    }
}
