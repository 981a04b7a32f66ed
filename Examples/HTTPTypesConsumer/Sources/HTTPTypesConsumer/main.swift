// Foundation, swift-http-types and CambAI side by side: every type below is written unqualified, and the file
// builds without an "ambiguous for type lookup" error. Running it checks a request through swift-http-types'
// types end to end; it exits 1 on a mismatch.
import CambAI
import Foundation
import HTTPTypes
import HTTPTypesFoundation

/// A CambAI transport that speaks swift-http-types' `HTTPRequest` and `HTTPResponse`, as a server project's own
/// HTTP client would; here it answers from memory.
struct HTTPTypesTransport: CambAITransport {
    let respond: @Sendable (HTTPRequest, Data?) async throws -> (HTTPResponse, Data)

    func send(_ request: CambAIRequest) async throws -> CambAIResponse {
        var fields = HTTPFields()
        for (name, value) in request.headerFields {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        guard let method = HTTPRequest.Method(request.method) else { throw URLError(.badURL) }
        let (response, body) = try await respond(
            HTTPRequest(method: method, url: request.url, headerFields: fields), request.body)
        var headers: [String: String] = [:]
        for field in response.headerFields { headers[field.name.rawName] = field.value }
        return CambAIResponse(statusCode: response.status.code, headerFields: headers, body: body)
    }
}

nonisolated(unsafe) var failures = 0
func check(_ condition: Bool, _ message: String, line: Int = #line) {
    if !condition {
        print("HTTPTypesConsumer/main.swift:\(line): check failed: \(message)")
        failures += 1
    }
}

let received = LockedRequests()
let transport = HTTPTypesTransport { request, body in
    await received.append(request, body)
    if request.headerFields[.init("x-api-key")!] == "k-1" {
        return (
            HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]),
            Data(#"{"task_id":"t-7"}"#.utf8)
        )
    }
    return (HTTPResponse(status: .internalServerError), Data("boom".utf8))
}

let client = CambAIClient(apiKey: "k-1", transport: transport)
let result = try await client.getDubbedOutputInAltFormat(runID: 42, language: .enUS, outputFormat: .mp3)
if case .taskID(let task) = result {
    check(task.taskID == "t-7", "task id \(task.taskID ?? "nil")")
} else {
    check(false, "expected the task id member, got \(result)")
}
let sent: [(HTTPRequest, Data?)] = await received.all
check(sent.count == 1, "\(sent.count) requests")
check(sent.first?.0.method == .post, "method")
check(sent.first?.0.path == "/apis/dub-alt-format/42/1", "path \(sent.first?.0.path ?? "nil")")
check(sent.first?.1 == Data(#"{"output_format":"mp3"}"#.utf8), "body")

let failing = CambAIClient(apiKey: "wrong", transport: transport)
do {
    _ = try await failing.getDubbedOutputInAltFormat(runID: 42, language: .enUS, outputFormat: .mp4)
    check(false, "expected an error")
} catch {
    let response: CambAIResponse? = error.response
    check(response?.statusCode == 500, "status")
    check(
        error.localizedDescription == "the server answered with undocumented status 500 (4 bytes)",
        error.localizedDescription)
}

actor LockedRequests {
    var all: [(HTTPRequest, Data?)] = []
    func append(_ request: HTTPRequest, _ body: Data?) { all.append((request, body)) }
}

if failures > 0 { exit(1) }
print("HTTPTypesConsumer: Foundation, HTTPTypes and CambAI used unqualified; checks passed")
