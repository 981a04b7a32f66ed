import CambAI
import Foundation

/// An in-process stand-in for the CAMB.AI service: a transport that answers the way the service does (its
/// FastAPI answers, as `Tests/Server/app.py` serves them), so that the example runs anywhere, offline.
///
/// - no `x-api-key`: 401 `{"detail":"Not authenticated"}`, FastAPI's answer;
/// - a language id the document does not list (137, 138, above 150): 422 with pydantic's enum error;
/// - run 404: 404 `{"detail":"Run 404 not found"}`;
/// - runs below 1000: 200 `{"output_url":"https://storage.camb.test/<run>/<language>.<format>"}`;
/// - other runs: 200 `{"task_id":"export-<run>-<language>-<format>"}`.
struct StubService: CambAITransport {
    func send(_ request: CambAIRequest) async throws -> CambAIResponse {
        guard request.headerFields["x-api-key"] != nil else {
            return Self.json(401, #"{"detail":"Not authenticated"}"#)
        }
        let segments = request.url.pathComponents
        guard request.method == "POST", segments.count >= 3, segments[segments.count - 3] == "dub-alt-format",
            let run = Int(segments[segments.count - 2]), let language = Int(segments[segments.count - 1]),
            let body = request.body,
            let payload = try? JSONSerialization.jsonObject(with: body) as? [String: String],
            let format = payload["output_format"]
        else {
            return Self.json(404, #"{"detail":"Not Found"}"#)
        }
        guard (1...136).contains(language) || (139...150).contains(language) else {
            let problem =
                #"{"type":"enum","loc":["path","language"],"msg":"Input should be 1, 2, 3, … or 150","#
                + #""input":"\#(language)","ctx":{"expected":"1, 2, 3, … or 150"}}"#
            return Self.json(422, #"{"detail":[\#(problem)]}"#)
        }
        if run == 404 {
            return Self.json(404, #"{"detail":"Run 404 not found"}"#)
        }
        if run < 1000 {
            return Self.json(200, #"{"output_url":"https://storage.camb.test/\#(run)/\#(language).\#(format)"}"#)
        }
        return Self.json(200, #"{"task_id":"export-\#(run)-\#(language)-\#(format)"}"#)
    }

    static func json(_ status: Int, _ text: String) -> CambAIResponse {
        CambAIResponse(
            statusCode: status, headerFields: ["Content-Type": "application/json"], body: Data(text.utf8))
    }
}
