// The CambAI client generated from the repository's openapi.yaml (with its configuration and overlay) in the
// `few-files` layout, as the build tool plugin generates it: `GeneratedCodeCompilesTests` builds it as module
// `CambAIFewFiles` and runs these checks against it. The values come from openapi.yaml and the overlay.
import CambAIFewFiles
import Foundation

let transport = RecordingTransport { _ in CheckedResponse(statusCode: 200, body: Data(#"{"task_id":"t-9"}"#.utf8)) }
let client = CambAIClient(apiKey: "sk-layout", transport: transport)
let result = try await client.getDubbedOutputInAltFormat(
    runID: 42, language: .enUS, outputFormat: .audioOutputType(.mp3))
check(result == .taskID(TaskID(taskID: "t-9")))
// POST /dub-alt-format/{run_id}/{language} under the server https://client.camb.ai/apis; en-US is id 1.
check(transport.urls == ["https://client.camb.ai/apis/dub-alt-format/42/1"], "\(transport.urls)")
check(transport.requests.first?.method == "POST")
check(transport.requests.first?.headerFields["x-api-key"] == "sk-layout")
check(transport.requests.first?.body == Data(#"{"output_format":"mp3"}"#.utf8))

// The overlay's names: id 1 is en-US, 76 is fr-FR; output_url is a URL.
check(Languages(rawValue: 1) == .enUS)
check(Languages.frFR.rawValue == 76)
let file = try decode(DubAltFormatResponseBody.self, #"{"output_url":"https://example.com/a.mp3"}"#)
check(file.outputURL == URL(string: "https://example.com/a.mp3"))
finish()
