// `Tests/Fixtures/compile/responses.yaml` generated in the response style as `ResponsesOutcomes`: a body and no
// body among successes, a `4XX` range, `default`, and a documented error without a JSON body.
import Foundation
import ResponsesOutcomes

func client(_ status: Int, _ body: String = "") -> ResponsesOutcomesClient {
    ResponsesOutcomesClient(serverURL: URL(string: "https://example.com")!, transport: answering(status, body))
}

// putLock: 200 with a body, 204 without, 4XX and default with a Problem; no `undocumented` since `default` exists.
let locked = try await client(200, #"{"id":"L1"}"#).putLock()
check(locked == .ok(PutLockResponse(id: "L1"), headers: [:]))
let alreadyLocked = try await client(204).putLock()
check(alreadyLocked == .noContent(headers: [:]))
switch try await client(409, #"{"title":"taken","status":409}"#).putLock() {
case .clientError(let status, let problem, _):
    check(status == 409)
    check(problem.title == "taken" && problem.status == 409)
case let other:
    check(false, "expected .clientError, got \(other)")
}
switch try await client(500, #"{"title":"boom"}"#).putLock() {
case .other(let status, let problem, _):
    check(status == 500)
    check(problem.title == "boom")
case let other:
    check(false, "expected .other, got \(other)")
}

// deleteLock: 204, 404 with a Problem, anything else undocumented.
let unlocked = try await client(204).deleteLock()
check(unlocked == .noContent(headers: [:]))
switch try await client(404, #"{"title":"no lock"}"#).deleteLock() {
case .notFound(let problem, _):
    check(problem.title == "no lock")
case let other:
    check(false, "expected .notFound, got \(other)")
}
let teapot = try await client(418, "teapot").deleteLock()
check(teapot == .undocumented(statusCode: 418, headers: [:], body: Data("teapot".utf8)))

finish()
