import CambAI
import Foundation

/// What the app makes of one call of "Get Dubbed Output in Alt Format": every outcome it has to handle.
enum Outcome: Equatable, CustomStringConvertible {
    /// The export exists: a presigned URL of the file.
    case file(URL)
    /// The export started: the task id to poll.
    case task(String)
    /// 422: the service's validation problems, each as `<loc joined by '.'>: <msg>`.
    case invalid([String])
    /// Another status (401 without a key, 404 for an unknown run…), with the body's `detail` when it has one.
    case status(Int, detail: String?)
    /// No response: the service could not be reached.
    case unreachable
    /// Anything else (a body that is not what the document says, a time-out…), described.
    case failed(String)

    var description: String {
        switch self {
        case .file(let url): "file \(url.absoluteString)"
        case .task(let id): "task \(id)"
        case .invalid(let problems): "422 \(problems)"
        case .status(let code, let detail): "status \(code) \(detail ?? "")"
        case .unreachable: "unreachable"
        case .failed(let reason): "failed: \(reason)"
        }
    }
}

/// Asks for a run's dubbed output in another format and says what happened.
func export(
    runID: Int, language: Languages, format: DubbedOutputInAltFormatRequestPayloadOutputFormat,
    with client: CambAIClient
) async -> Outcome {
    do {
        switch try await client.getDubbedOutputInAltFormat(runID: runID, language: language, outputFormat: format) {
        case .dubAltFormatResponseBody(let file):
            guard let url = file.outputURL else { return .failed("a 200 without output_url") }
            return .file(url)
        case .taskID(let task):
            guard let id = task.taskID else { return .failed("a 200 without task_id") }
            return .task(id)
        }
    } catch .documented(GetDubbedOutputInAltFormatFailure.unprocessableContent(let validation), _) {
        return .invalid(
            (validation.detail ?? []).map { problem in
                let location = problem.loc.map { item -> String in
                    switch item {
                    case .string(let name): name
                    case .integer(let index): String(index)
                    }
                }
                return location.joined(separator: ".") + ": " + problem.msg
            })
    } catch .unexpectedStatus(let response) {
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        return .status(response.statusCode, detail: object?["detail"] as? String)
    } catch .transport {
        return .unreachable
    } catch {
        return .failed(error.description)
    }
}
