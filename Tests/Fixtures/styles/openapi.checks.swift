// The CambAI document (`openapi.yaml`) generated in the response style as `CambAIOutcomes`: the operation returns
// `GetDubbedOutputInAltFormatOutcome` (200, 422, undocumented) instead of throwing the 422 body.
import CambAIOutcomes
import Foundation

func client(_ status: Int, _ body: String, headers: [String: String] = [:]) -> CambAIOutcomesClient {
    CambAIOutcomesClient(
        apiKey: "k", serverURL: URL(string: "https://example.com")!,
        transport: RecordingTransport { _ in
            CheckedResponse(statusCode: status, headerFields: headers, body: Data(body.utf8))
        })
}

func call(_ client: CambAIOutcomesClient) async throws(CambAIOutcomesError) -> GetDubbedOutputInAltFormatOutcome {
    try await client.getDubbedOutputInAltFormat(runID: 42, language: .enUS, outputFormat: .audioOutputType(.mp3))
}

// 422: FastAPI's validation error comes back as its case, decoded, with the response's headers.
let validation =
    #"{"detail":[{"loc":["path","run_id"],"msg":"value is not a valid integer","type":"type_error.integer"}]}"#
switch try await call(client(422, validation, headers: ["X-Request-Id": "r-7"])) {
case .unprocessableContent(let error, let headers):
    check(error.detail?.count == 1)
    check(error.detail?.first?.loc == [.string("path"), .string("run_id")])
    check(error.detail?.first?.msg == "value is not a valid integer")
    check(error.detail?.first?.type == "type_error.integer")
    check(headers["X-Request-Id"] == "r-7")
case let other:
    check(false, "expected .unprocessableContent, got \(other)")
}

// 200: the body's union, here the task id of a started export.
switch try await call(client(200, #"{"task_id":"t-1"}"#)) {
case .ok(.taskID(let task), _):
    check(task.taskID == "t-1")
case let other:
    check(false, "expected .ok(.taskID), got \(other)")
}

// 200 with the presigned URL.
switch try await call(client(200, #"{"output_url":"https://files.example.com/a.mp3"}"#)) {
case .ok(.dubAltFormatResponseBody(let file), _):
    check(file.outputURL == URL(string: "https://files.example.com/a.mp3"))
case let other:
    check(false, "expected .ok(.dubAltFormatResponseBody), got \(other)")
}

// A status the document does not list keeps its code, headers and bytes.
switch try await call(client(503, "busy", headers: ["Retry-After": "30"])) {
case .undocumented(let status, let headers, let body):
    check(status == 503)
    check(headers == ["Retry-After": "30"])
    check(body == Data("busy".utf8))
case let other:
    check(false, "expected .undocumented, got \(other)")
}

// A documented status whose body is not its JSON still throws: decoding problems are errors in both styles.
do {
    let outcome = try await call(client(422, "not json"))
    check(false, "expected an error, got \(outcome)")
} catch .decoding(_, let expectedType, let response) {
    check(expectedType == "HTTPValidationError")
    check(response.statusCode == 422)
} catch {
    check(false, "expected .decoding, got \(error)")
}

finish()
