import BR22
import Foundation

// BR-22: empty bodies, 2XX ranges and default responses.
final class Transport: HTTPTransport, @unchecked Sendable {
    let status: Int
    let body: String
    init(_ status: Int, _ body: String) {
        self.status = status
        self.body = body
    }
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        HTTPResponse(statusCode: status, body: Data(body.utf8))
    }
}
func client(_ status: Int, _ body: String = "") -> BR22Client {
    BR22Client(serverURL: URL(string: "https://h.example")!, transport: Transport(status, body))
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
} catch .problem(let problem, let response) {
    check(problem.message == "busy" && response.statusCode == 409)
} catch {
    check(false, "\(error)")
}
finish()
