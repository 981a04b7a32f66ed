import Foundation
import Responses

func client(_ status: Int, _ body: String = "") -> ResponsesClient {
    ResponsesClient(serverURL: URL(string: "https://example.com")!, transport: answering(status, body))
}

// 200 with a body and 204 without: the function returns an optional.
let locked = try await client(200, #"{"id":"L1"}"#).putLock()
check(locked?.id == "L1")
let alreadyLocked = try await client(204).putLock()
check(alreadyLocked == nil)

// 4XX and default: documented problem bodies.
do {
    _ = try await client(409, #"{"title":"taken","status":409}"#).putLock()
    check(false, "expected an error")
} catch .problem(let problem, let response) {
    check(problem.title == "taken" && response.statusCode == 409)
} catch {
    check(false, "\(error)")
}
do {
    _ = try await client(500, #"{"title":"boom"}"#).putLock()
    check(false, "expected an error")
} catch .problem(let problem, _) {
    check(problem.title == "boom")
} catch {
    check(false, "\(error)")
}

// 204 only: returns nothing; 404 documented; others undocumented.
try await client(204).deleteLock()
do {
    try await client(404, #"{"title":"no lock"}"#).deleteLock()
    check(false, "expected an error")
} catch .problem(let problem, _) {
    check(problem.title == "no lock")
} catch {
    check(false, "\(error)")
}
do {
    try await client(500, "oops").deleteLock()
    check(false, "expected an error")
} catch .unexpectedStatus(let response) {
    check(response.statusCode == 500 && response.body == Data("oops".utf8))
} catch {
    check(false, "\(error)")
}

finish()
