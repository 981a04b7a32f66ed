import BR45
import Foundation

// BR-45: cookie parameters go in one `Cookie` header, pairs joined by "; ", values percent-encoded where RFC 6265
// forbids the character; an absent optional cookie is left out.
let recorder = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
let client = BR45Client(serverURL: URL(string: "https://h.example")!, transport: recorder)
try await client.getCart(sessionID: "abc123", theme: "dark")
check(recorder.urls.last == "https://h.example/cart")
check(recorder.requests.last?.headerFields["Cookie"] == "session_id=abc123; theme=dark")
try await client.getCart(sessionID: "abc123")
check(recorder.requests.last?.headerFields["Cookie"] == "session_id=abc123")
try await client.getCart(sessionID: "a b;c")
check(recorder.requests.last?.headerFields["Cookie"] == "session_id=a%20b%3Bc")
finish()
