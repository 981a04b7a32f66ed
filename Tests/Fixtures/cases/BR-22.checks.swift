import BR22
import Foundation

// BR-22: empty bodies, 2XX ranges and default responses.
func client(_ status: Int, _ body: String = "") -> BR22Client {
    BR22Client(serverURL: URL(string: "https://h.example")!, transport: answering(status, body))
}

try await client(204).deleteItem(id: "1")
try await client(204, "{}").deleteItem(id: "1")
let owned = try await client(200, #"{"owner":"x"}"#).getLock(id: "1")
check(owned?.owner == "x")
let ranged = try await client(202, #"{"owner":"y"}"#).getLock(id: "1")
check(ranged?.owner == "y")
let notLocked = try await client(204).getLock(id: "1")
check(notLocked == nil)
do {
    _ = try await client(409, #"{"message":"busy"}"#).getLock(id: "1")
    check(false, "expected an error")
} catch .documented(let failure as GetLockFailure, let response) {
    // `default` carries the actual status code.
    check(failure == .other(statusCode: 409, Problem(message: "busy")) && response.statusCode == 409)
} catch {
    check(false, "\(error)")
}
finish()
