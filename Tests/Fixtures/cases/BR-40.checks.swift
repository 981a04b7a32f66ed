import BR40
import Foundation

// BR-40: security per operation. Every credential set: bearer "tok", basic alice / "s3cr:et", query key "k+1/2",
// header key "hk"; the expected requests are the case's header.
let recorder = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
let client = BR40Client(
    basicCredential: BR40BasicCredential(username: "alice", password: "s3cr:et"), bearerToken: "tok",
    headerKey: "hk", queryKey: "k+1/2", serverURL: URL(string: "https://api.example.com")!, transport: recorder)
try await client.getHealth()
try await client.getMe()
try await client.getLegacy()
try await client.getAdmin()
try await client.getEither()
try await client.getBoth()
check(
    recorder.urls == [
        "https://api.example.com/health",
        "https://api.example.com/me",
        "https://api.example.com/legacy?api_key=k%2B1%2F2",
        "https://api.example.com/admin",
        "https://api.example.com/either",
        "https://api.example.com/both?api_key=k%2B1%2F2",
    ], "\(recorder.urls)")
/// The header fields a request carries besides `Accept`.
func credentials(_ index: Int) -> [String: String] {
    recorder.requests[index].headerFields.filter { $0.key != "Accept" }
}
check(credentials(0) == [:], "\(credentials(0))")  // security: []
check(credentials(1) == ["Authorization": "Bearer tok"], "\(credentials(1))")  // the document's bearerAuth
check(credentials(2) == [:], "\(credentials(2))")  // the query key only
// base64 of "alice:s3cr:et", the password's colon kept (printf 'alice:s3cr:et' | base64).
check(credentials(3) == ["Authorization": "Basic YWxpY2U6czNjcjpldA=="], "\(credentials(3))")
check(credentials(4) == ["X-API-Key": "hk"], "\(credentials(4))")  // the first alternative, complete
check(credentials(5) == ["X-API-Key": "hk"], "\(credentials(5))")  // both of the combined requirement

// A credential that is not set is not sent: the alternative that is complete is.
let bearerOnly = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
let partial = BR40Client(
    bearerToken: "tok", queryKey: "q", serverURL: URL(string: "https://api.example.com")!, transport: bearerOnly)
try await partial.getEither()  // headerKey missing: the bearer alternative
try await partial.getBoth()  // headerKey missing: the combined requirement cannot be met, nothing is sent
try await partial.getAdmin()  // no basic credential: nothing, and no empty "Basic "
check(
    bearerOnly.urls == [
        "https://api.example.com/either", "https://api.example.com/both", "https://api.example.com/admin",
    ], "\(bearerOnly.urls)")
check(bearerOnly.requests[0].headerFields["Authorization"] == "Bearer tok")
check(bearerOnly.requests[1].headerFields.keys.sorted() == ["Accept"], "\(bearerOnly.requests[1].headerFields)")
check(bearerOnly.requests[2].headerFields.keys.sorted() == ["Accept"], "\(bearerOnly.requests[2].headerFields)")

// An empty token counts as not set: no "Bearer " with nothing after it.
let emptyToken = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
try await BR40Client(bearerToken: "", serverURL: URL(string: "https://api.example.com")!, transport: emptyToken).getMe()
check(emptyToken.requests[0].headerFields["Authorization"] == nil, "\(emptyToken.requests[0].headerFields)")

// Credentials never show in descriptions.
check(!"\(client)".contains("tok") && !"\(client)".contains("s3cr") && !"\(client)".contains("alice"), "\(client)")
finish()
