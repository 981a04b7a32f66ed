import Foundation
import StreamsOutcomes

// `streams.yaml` in the response style: the streaming methods stream as in the throwing style, and a status
// that is not streamed (a documented 429 included, since the error has no case for its body) is
// `unexpectedStatus` with the whole body.
func client(_ status: Int, _ contentType: String, _ body: String) -> StreamsOutcomesClient {
    StreamsOutcomesClient(
        serverURL: URL(string: "https://example.com")!,
        transport: RecordingTransport { _ in
            CheckedResponse(statusCode: status, headerFields: ["Content-Type": contentType], body: Data(body.utf8))
        })
}

var deltas: [String] = []
for try await event in try await client(200, "text/event-stream", "data: {\"id\":\"a\",\"delta\":\"b\"}\r\n\r\n")
    .createChatCompletionStream(model: "m", stream: true)
{
    deltas.append(event.value?.delta ?? "")
}
check(deltas == ["b"], "\(deltas)")

do {
    _ = try await client(429, "application/json", #"{"title":"slow down"}"#).createChatCompletionStream(model: "m")
    check(false, "expected an error")
} catch .unexpectedStatus(let response) {
    check(response.statusCode == 429 && response.body == Data(#"{"title":"slow down"}"#.utf8))
} catch {
    check(false, "\(error)")
}

// The JSON method keeps the response style's outcome enum.
let outcome = try await client(200, "application/json", #"{"id":"x","text":"t"}"#).createChatCompletion(model: "m")
if case .ok(let completion, _) = outcome {
    check(completion.text == "t")
} else {
    check(false, "\(outcome)")
}

finish()
